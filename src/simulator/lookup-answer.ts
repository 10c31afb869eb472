/** The answer to one lookup request: the key checks, then the value's own answer. */
import type { FailureClass } from './magic-values';
import { keyFailure } from './magic-values';
import type { LookupRequest } from './routes';
import type { SimulatedAnswer } from './simulated-answer';
import { simulatorFailure, simulatorResponse } from './simulator-response';

/** Why a key is refused, checked before the value as IPQS does; `undefined` = the key is fine. */
export function keyProblem(
  key: string | undefined,
  acceptKeys: (key: string) => boolean,
): FailureClass | undefined {
  if (key === undefined || !acceptKeys(key)) return 'invalid-key';
  return keyFailure(key);
}

/**
 * The answer to `request`: `imposed` (a rate limit or random failure decided on arrival) wins, then a
 * refused key, then whatever the value itself answers.
 */
export function lookupAnswer(
  request: LookupRequest,
  acceptKeys: (key: string) => boolean,
  imposed: FailureClass | undefined,
): SimulatedAnswer {
  const value = request.value ?? '';
  const failure = imposed ?? keyProblem(request.key, acceptKeys);
  if (failure) return simulatorFailure(request.type, value, failure);
  return simulatorResponse(
    request.type,
    value,
    request.country === undefined ? {} : { country: request.country },
  );
}
