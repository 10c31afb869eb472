/** The answer to one lookup request: the key checks, then the value's own answer. */
import type { FailureClass } from './magic-values';
import { keyFailure } from './magic-values';
import type { LookupRequest } from './routes';
import { classifiedResponse, simulatorFailure } from './simulator-response';
import type { ClassifiedAnswer } from './simulator-response';

/** Why a key is refused, checked before the value as IPQS does; `undefined` = the key is fine. */
export function keyProblem(
  key: string | undefined,
  acceptKeys: (key: string) => boolean,
): FailureClass | undefined {
  if (key === undefined || !acceptKeys(key)) return 'invalid-key';
  return keyFailure(key);
}

/**
 * The answer to `request` and its failure class: `imposed` (a rate limit or random failure decided on
 * arrival) wins, then a refused key, then whatever the value itself answers.
 */
export function lookupAnswer(
  request: LookupRequest,
  acceptKeys: (key: string) => boolean,
  imposed: FailureClass | undefined,
): ClassifiedAnswer {
  const value = request.value ?? '';
  const options = request.country === undefined ? {} : { country: request.country };
  const failure = imposed ?? keyProblem(request.key, acceptKeys);
  if (failure) return { answer: simulatorFailure(request.type, value, failure, options), failure };
  return classifiedResponse(request.type, value, options);
}
