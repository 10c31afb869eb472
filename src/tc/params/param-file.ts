/**
 * The encrypted param file ThreatConnect hands a playbook app (`TC_APP_PARAM_FILE` + `TC_APP_PARAM_KEY`),
 * read exactly as tcex does: AES-CBC with the key's UTF-8 bytes used raw (16/24/32 bytes pick
 * AES-128/192/256), an IV of 16 zero bytes, PKCS#7 padding, and one UTF-8 JSON object inside.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { ParamFileError } from '../../errors';

const CIPHERS: Readonly<Record<number, string>> = { 16: 'aes-128-cbc', 24: 'aes-192-cbc', 32: 'aes-256-cbc' };
// tcex's pyaes call passes no IV, so it is all zeros, and it is not stored in the file.
const ZERO_IV = Buffer.alloc(16, 0);

interface Cipher {
  readonly algorithm: string;
  readonly key: Buffer;
}

function cipherFor(key: string): Cipher {
  const bytes = Buffer.from(key, 'utf8');
  const algorithm = CIPHERS[bytes.length];
  if (algorithm === undefined) {
    throw new ParamFileError(`TC_APP_PARAM_KEY: must be 16, 24 or 32 characters (got ${bytes.length})`);
  }
  return { algorithm, key: bytes };
}

function readCiphertext(filePath: string): Buffer {
  try {
    return readFileSync(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new ParamFileError(`TC_APP_PARAM_FILE ${filePath}: not found`, { cause: error });
    throw new ParamFileError(
      `TC_APP_PARAM_FILE ${filePath}: could not be read (${code ?? 'unknown error'})`,
      {
        cause: error,
      },
    );
  }
}

function decrypt(filePath: string, ciphertext: Buffer, cipher: Cipher): string {
  const undecryptable = `TC_APP_PARAM_FILE ${filePath}: could not be decrypted with TC_APP_PARAM_KEY (wrong key or corrupt file)`;
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv(cipher.algorithm, cipher.key, ZERO_IV);
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // the OpenSSL reason (bad decrypt, wrong final block length) adds nothing for the user
    throw new ParamFileError(undecryptable);
  }
  try {
    // a wrong key that happens to leave valid padding still yields bytes that are not UTF-8
    return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
  } catch {
    throw new ParamFileError(undecryptable);
  }
}

function parseObject(filePath: string, text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // the parser's message may quote the content, which holds secrets
    throw new ParamFileError(`TC_APP_PARAM_FILE ${filePath}: decrypted content is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ParamFileError(`TC_APP_PARAM_FILE ${filePath}: decrypted content is not a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

/** Options of `readParamFile`. */
export interface ReadParamFileOptions {
  /** Called when the file was read but could not be deleted (the run goes on, as in tcex). */
  readonly onDeleteError?: (reason: string) => void;
}

/**
 * Decrypts the param file and returns its JSON object, then deletes the file (it holds secrets).
 * Throws ParamFileError naming the input and the reason; the key and the content never appear in it.
 */
export function readParamFile(
  filePath: string,
  key: string,
  options: ReadParamFileOptions = {},
): Record<string, unknown> {
  const cipher = cipherFor(key);
  const ciphertext = readCiphertext(filePath);
  if (ciphertext.length === 0) throw new ParamFileError(`TC_APP_PARAM_FILE ${filePath}: is empty`);
  const params = parseObject(filePath, decrypt(filePath, ciphertext, cipher));
  try {
    unlinkSync(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    options.onDeleteError?.(`TC_APP_PARAM_FILE ${filePath}: could not be deleted after reading (${code})`);
  }
  return params;
}

/** Encrypts params the way ThreatConnect does, so that `readParamFile` (and tcex) can read them. */
export function encryptParams(params: Record<string, unknown>, key: string): Buffer {
  const cipher = cipherFor(key);
  const encrypter = createCipheriv(cipher.algorithm, cipher.key, ZERO_IV);
  return Buffer.concat([encrypter.update(JSON.stringify(params), 'utf8'), encrypter.final()]);
}

/** Writes an encrypted param file readable only by its owner (the local runner's TC_APP_PARAM_FILE). */
export function writeParamFile(filePath: string, params: Record<string, unknown>, key: string): void {
  writeFileSync(filePath, encryptParams(params, key), { mode: 0o600 });
}
