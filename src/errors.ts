/**
 * Typed errors used inside the app. Every message is one line that names the input and the reason, and
 * never holds a secret: callers put only values that are safe to show (the redactor in
 * `logging/secrets.ts` is a second line of defence, not the first).
 */
export class AppError extends Error {
  override readonly name: string = 'AppError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** One bad input: the param (or output, or file) name and why it is bad. */
export interface InputIssue {
  readonly name: string;
  readonly reason: string;
}

/** Every problem found while validating the app's params, reported together (tcex's exit message). */
export class InputValidationError extends AppError {
  override readonly name = 'InputValidationError';

  constructor(readonly issues: readonly InputIssue[]) {
    super(['Input validation errors', ...issues.map((issue) => `${issue.name}: ${issue.reason}`)].join('\n'));
  }
}

/** The encrypted param file (or its key, or the legacy args) could not be read. */
export class ParamFileError extends AppError {
  override readonly name = 'ParamFileError';
}

/** The key-value store (Redis or the TC key-value API) could not be reached, read or written. */
export class KvStoreError extends AppError {
  override readonly name = 'KvStoreError';
}

/** A playbook or TC variable is malformed, missing, or of the wrong type. */
export class VariableError extends AppError {
  override readonly name = 'VariableError';
}

/** A call to the ThreatConnect API failed. */
export class TcApiError extends AppError {
  override readonly name = 'TcApiError';

  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** install.json or layout.json breaks the schema or the layout rules. */
export class ManifestError extends AppError {
  override readonly name = 'ManifestError';

  constructor(readonly problems: readonly string[]) {
    super(`Manifest errors: ${problems.join('; ')}`);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The message of anything thrown, on one line. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
