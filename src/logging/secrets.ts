/**
 * The set of secret values of this run (the IPQS key, TC token and secret key, KV-store and proxy
 * passwords, resolved KEYCHAIN values). Everything that leaves the process as text (log lines,
 * message.tc, stdout, stderr, error messages) goes through `redact`. Like tcex's SensitiveFilter, but
 * it also catches the URL-encoded (percent and form) and JSON-escaped forms of each secret.
 */
export const REDACTED = '***';

/** Shorter values are not registered: masking "1" or "true" everywhere would destroy the log. */
const MIN_SECRET_LENGTH = 4;

export class SecretRegistry {
  private readonly values = new Set<string>();
  private pattern: RegExp | undefined;

  /** Registers a secret (and its encoded forms); empty and very short values are ignored. */
  add(value: unknown): void {
    if (typeof value !== 'string') return;
    const secret = value.trim();
    if (secret.length < MIN_SECRET_LENGTH) return;
    const forms = [
      secret,
      encodeURIComponent(secret),
      // form encoding (URLSearchParams, axios params) writes a space as '+' and escapes a few more characters
      new URLSearchParams([['', secret]]).toString().slice(1),
      JSON.stringify(secret).slice(1, -1),
    ];
    for (const form of forms) {
      if (!this.values.has(form)) {
        this.values.add(form);
        this.pattern = undefined;
      }
    }
  }

  get size(): number {
    return this.values.size;
  }

  /** The text with every registered secret replaced by `***`. */
  redact(text: string): string {
    if (this.values.size === 0) return text;
    this.pattern ??= new RegExp(
      [...this.values]
        .sort((a, b) => b.length - a.length)
        .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
      'g',
    );
    return text.replace(this.pattern, REDACTED);
  }
}
