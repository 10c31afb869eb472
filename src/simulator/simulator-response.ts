/**
 * The simulator's answer to one lookup, as a pure function of the lookup type and the value: the same
 * value always gets the same body, every field of the real response, and `request_id` included.
 */
import type { LookupType } from '../ipqs/fields';
import { magicFor } from './magic-values';
import type { FailureClass, ScoredMagic } from './magic-values';
import { normalizeSubject } from './normalize';
import type { Subject } from './normalize';
import { Prng } from './random';
import { emailFields } from './responses/email-response';
import { failureAnswer } from './responses/failure-answer';
import { ipFields } from './responses/ip-response';
import { phoneFields } from './responses/phone-response';
import { urlFields } from './responses/url-response';
import type { SimulatedAnswer } from './simulated-answer';

export interface SimulatorResponseOptions {
  /** The phone lookup's `country` parameter (first one), used to read national numbers. */
  readonly country?: string;
}

function fieldsOf(subject: Subject, prng: Prng, magic: ScoredMagic | undefined): Record<string, unknown> {
  switch (subject.type) {
    case 'ip':
      return ipFields(subject, prng, magic);
    case 'email':
      return emailFields(subject, prng, magic);
    case 'url':
      return urlFields(subject, prng, magic);
    case 'phone':
      return phoneFields(subject, prng, magic);
  }
}

/** A random-looking but repeatable `request_id` for a lookup. */
function requestIdFor(type: LookupType, canonical: string): string {
  return new Prng('request_id', type, canonical).letters(10);
}

/** An answer and, when a magic value, a key or the traffic knobs picked one, its failure class. */
export interface ClassifiedAnswer {
  readonly answer: SimulatedAnswer;
  readonly failure?: FailureClass;
}

function successAnswer(subject: Subject, magic: ScoredMagic | undefined): SimulatedAnswer {
  const fields = fieldsOf(subject, new Prng(subject.type, subject.value), magic);
  const body = {
    success: true,
    message: 'Success',
    ...fields,
    request_id: requestIdFor(subject.type, subject.value),
  };
  return { kind: 'json', status: 200, body };
}

/** The failure answer for a lookup, e.g. when the key is refused (the request id still depends on the value). */
export function simulatorFailure(
  type: LookupType,
  value: string,
  failure: FailureClass,
  options: SimulatorResponseOptions = {},
): SimulatedAnswer {
  // the answer a value gets once a latency spike or a flaky failure is over: its own, without magic
  const ordinary = (): SimulatedAnswer => {
    const subject = normalizeSubject(type, value, options.country);
    return subject ? successAnswer(subject, undefined) : simulatorFailure(type, value, 'invalid-input');
  };
  return failureAnswer(type, failure, requestIdFor(type, `${failure}:${value}`), ordinary);
}

/** The answer for `value` on the `type` lookup with a valid key, and the failure class it stands for. */
export function classifiedResponse(
  type: LookupType,
  value: string,
  options: SimulatorResponseOptions = {},
): ClassifiedAnswer {
  const subject = normalizeSubject(type, value, options.country);
  if (!subject) return { answer: simulatorFailure(type, value, 'invalid-input'), failure: 'invalid-input' };
  const magic = magicFor(subject);
  if (magic?.kind === 'failure') {
    const requestId = requestIdFor(type, `${magic.failure}:${subject.value}`);
    const answer = failureAnswer(type, magic.failure, requestId, () => successAnswer(subject, undefined));
    return { answer, failure: magic.failure };
  }
  return { answer: successAnswer(subject, magic) };
}

/** What the simulator answers for `value` on the `type` lookup, with a valid key. */
export function simulatorResponse(
  type: LookupType,
  value: string,
  options: SimulatorResponseOptions = {},
): SimulatedAnswer {
  return classifiedResponse(type, value, options).answer;
}
