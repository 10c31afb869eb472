/** The offline IPQS simulator: the server, its pure answer function, and the magic values. */
export { startSimulator } from './start-simulator';
export type { Simulator } from './start-simulator';
export { SimulatorError } from './simulator-options';
export type { SimulatorOptions } from './simulator-options';
export type { SimulatorStats } from './stats';
export { classifiedResponse, simulatorResponse, simulatorFailure } from './simulator-response';
export type { ClassifiedAnswer, SimulatorResponseOptions } from './simulator-response';
export type { SimulatedAnswer } from './simulated-answer';
export {
  FAILURE_CLASSES,
  FAILURE_HOSTS,
  FAILURE_KEYS,
  FAILURE_IP_PREFIX,
  FLAGGED_IP_PREFIX,
  MAGIC_PHONE_PREFIX,
  SCORE_IP_PREFIX,
} from './magic-values';
export type { FailureClass, Magic, MagicFlag } from './magic-values';
export {
  ACCOUNT_MESSAGES,
  API_FAILURE_MESSAGE,
  INVALID_INPUT_MESSAGES,
  LATENCY_SPIKE_MS,
  RATE_LIMIT_MESSAGE,
  TRICKLE_BYTE_MS,
  TRUNCATED_BODY,
} from './responses/failure-answer';
