/** A problem with how `ipqs-tc lookup` was called (options, key, input); the command exits 1. */
import { AppError } from '../errors';

/** One or more usage problems, each one line naming the option or input and the reason. */
export class LookupUsageError extends AppError {
  override readonly name = 'LookupUsageError';

  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}
