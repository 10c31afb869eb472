/**
 * Whether a param value is still a variable reference (contract §4.2, §3.6): a playbook variable
 * `#App:1234:name!Type` (also `#Trigger:`/`#Global:`) or a TC variable `&{TC:KEYCHAIN:key}`. Only
 * recognised here, with the playbook module's patterns; they are resolved elsewhere.
 */
import {
  isPlaybookVariable as isPlaybookVariableText,
  isTcVariable as isTcVariableText,
} from '../playbook/variable';

/** True when the whole string (trimmed) is one playbook variable such as `#App:1:ipqs.score!String`. */
export function isPlaybookVariable(value: unknown): value is string {
  return typeof value === 'string' && isPlaybookVariableText(value.trim());
}

/** True when the whole string (trimmed) is one TC variable such as `&{TC:KEYCHAIN:ipqs_key}`. */
export function isTcVariable(value: unknown): value is string {
  return typeof value === 'string' && isTcVariableText(value.trim());
}

/** True when the value is a playbook or TC variable still waiting to be resolved. */
export function isVariableReference(value: unknown): value is string {
  return isPlaybookVariable(value) || isTcVariable(value);
}
