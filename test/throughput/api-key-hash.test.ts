import { createHash } from 'node:crypto';
import { API_KEY_HASH_LENGTH, apiKeyHash } from '../../src/throughput/api-key-hash';

const KEY = 'TestKey0123456789abcdefABCDEF0123';

describe('apiKeyHash', () => {
  it('is the first 16 hex characters of the SHA-256 of the key', () => {
    const full = createHash('sha256').update(KEY).digest('hex');
    expect(apiKeyHash(KEY)).toBe(full.slice(0, 16));
    expect(apiKeyHash(KEY)).toMatch(/^[0-9a-f]{16}$/);
    expect(API_KEY_HASH_LENGTH).toBe(16);
  });

  it('is the same for the same key and different for another key', () => {
    expect(apiKeyHash(KEY)).toBe(apiKeyHash(KEY));
    expect(apiKeyHash(KEY)).not.toBe(apiKeyHash(`${KEY}x`));
  });

  it('holds no part of the key in clear', () => {
    expect(apiKeyHash(KEY)).not.toContain(KEY.slice(0, 6));
  });
});
