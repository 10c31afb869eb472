import { AppError } from '../errors';

/** The app cannot be packaged: a manifest field, the build, the npm download or the output file failed. */
export class PackageError extends AppError {
  override readonly name = 'PackageError';
}
