// Helpers for the simulator tests: read a simulated answer's JSON body, or fail the test.
import type { SimulatedAnswer } from '../../src/simulator/simulated-answer';

/** The JSON body of an answer; throws (failing the test) for HTML bodies and resets. */
export function jsonBody(answer: SimulatedAnswer): Readonly<Record<string, unknown>> {
  if (answer.kind !== 'json') throw new Error(`expected a JSON answer, got ${answer.kind}`);
  return answer.body;
}

/** Whether a dotted path (e.g. `domain_age.iso`) names a key present in the body. */
export function hasPath(body: unknown, path: string): boolean {
  let node: unknown = body;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}
