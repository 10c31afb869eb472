// Writes the encrypted param file ThreatConnect hands an app, implemented here independently of
// src/tc/params so that the end-to-end tests check the app against tcex's algorithm, not against itself:
// AES-CBC, the key's UTF-8 bytes used raw, 16 zero bytes of IV, PKCS#7, and the JSON that tcex's test
// writer produces (Python json.dumps with sort_keys=True: ", " and ": " separators, non-ASCII escaped).
import { createCipheriv, randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** The file name used in the test's directory (the platform passes any absolute path). */
export const PARAM_FILE_NAME = 'app_param.aes';

function pythonString(text: string): string {
  // json.dumps(ensure_ascii=True) escapes everything outside ASCII as \uXXXX (UTF-16 code units)
  return JSON.stringify(text).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Python's `json.dumps(value, sort_keys=True)`. */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return pythonString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => pythonJsonDumps(item)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${pythonString(key)}: ${pythonJsonDumps(item)}`).join(', ')}}`;
  }
  throw new TypeError(`pythonJsonDumps: cannot serialise a ${typeof value}`);
}

/** Encrypts `params` with `key` (16, 24 or 32 characters) into `<dir>/app_param.aes`; returns the path. */
export function writeEncryptedParams(dir: string, params: Record<string, unknown>, key: string): string {
  const keyBytes = Buffer.from(key, 'utf8');
  const cipher = createCipheriv(`aes-${8 * keyBytes.length}-cbc`, keyBytes, Buffer.alloc(16, 0));
  const plaintext = Buffer.from(pythonJsonDumps(params), 'utf8');
  const file = path.join(dir, PARAM_FILE_NAME);
  writeFileSync(file, Buffer.concat([cipher.update(plaintext), cipher.final()]));
  return file;
}

/** A random key of lowercase ASCII letters, like tcex's writers make. */
export function randomKey(length: 16 | 24 | 32 = 16): string {
  return Array.from({ length }, () => String.fromCharCode(97 + randomInt(26))).join('');
}
