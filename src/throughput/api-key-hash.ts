/**
 * The IPQS API key as it may appear in Redis: a truncated SHA-256, so keys and cache entries of one
 * account can be told apart from another's without the key (or anything it can be read back from)
 * ever being stored.
 */
import { createHash } from 'node:crypto';

/** Hex characters kept: 64 bits tell accounts apart and keep the hash short in every Redis key. */
export const API_KEY_HASH_LENGTH = 16;

/** The first 16 hex characters of the SHA-256 of `apiKey`. */
export function apiKeyHash(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex').slice(0, API_KEY_HASH_LENGTH);
}
