/**
 * The exit protocol of a ThreatConnect playbook app (tcex `Exit`): an exit code and the one message the
 * platform shows the user, `message.tc`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError, errorMessage, isAppError } from '../errors';
import type { SecretRegistry } from '../logging/secrets';

/**
 * Exit codes of a playbook app. tcex's PARTIAL_FAILURE (3) is a job-app code: for playbook apps tcex
 * rewrites it to 0, so a partial failure (some indicators failed, `fail_on_error` off) exits Success.
 */
export enum ExitCode {
  Success = 0,
  Failure = 1,
}

export const MESSAGE_TC_FILE = 'message.tc';

/** The platform shows only this many trailing characters of message.tc (tcex keeps `message[-255:]`). */
export const MESSAGE_TC_MAX_LENGTH = 255;

/** The message.tc text: redacted, newline-terminated, cut to its last 255 characters (code points). */
export function messageTcText(message: string, secrets: SecretRegistry): string {
  // redact before cutting, so a secret straddling the cut cannot leave a readable half
  let text = secrets.redact(message);
  if (!text.endsWith('\n')) text += '\n';
  const chars = Array.from(text);
  return chars.length > MESSAGE_TC_MAX_LENGTH ? chars.slice(-MESSAGE_TC_MAX_LENGTH).join('') : text;
}

function tryWrite(directory: string, text: string): string {
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, MESSAGE_TC_FILE);
  writeFileSync(file, text, { encoding: 'utf8', flag: 'w' });
  return file;
}

/**
 * Writes `<outPath>/message.tc` (overwriting), or `./message.tc` in the working directory when outPath
 * is missing or cannot be written, and returns the path written. Throws AppError when neither works.
 */
export function writeMessageTc(
  outPath: string | undefined,
  message: string,
  secrets: SecretRegistry,
): string {
  const text = messageTcText(message, secrets);
  if (outPath !== undefined && outPath !== '') {
    try {
      return tryWrite(outPath, text);
    } catch {
      // tcex falls back to the working directory when tc_out_path is not writable
    }
  }
  try {
    return tryWrite(process.cwd(), text);
  } catch (error) {
    throw new AppError(
      `message.tc could not be written to tc_out_path (${outPath ?? 'not set'}) or the working directory: ${errorMessage(error)}`,
      { cause: error },
    );
  }
}

/**
 * The message.tc text for an error: an AppError's own message (InputValidationError keeps its lines),
 * anything else the template's generic message with the error on one line. Never a stack trace.
 */
export function exitMessageFor(error: unknown): string {
  if (isAppError(error)) return error.message;
  const detail = errorMessage(error) || (error instanceof Error ? error.name : 'unknown error');
  return `Generic Error. See logs for more details (${detail})`;
}
