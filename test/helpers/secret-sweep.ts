// Looks for known secrets (canaries) everywhere a run leaves text: every file under a folder (gzipped
// rotated logs unpacked), the run's own outputs (message.tc, stdout, stderr), and every key and value of
// some Redis databases. Each canary is searched in the forms a leak would take: as is, URL-encoded
// (percent and form), JSON-escaped and base64.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type Redis from 'ioredis';

/** A canary found: which one, in which form, and where. */
export interface CanaryHit {
  readonly canary: string;
  readonly form: string;
  readonly place: string;
}

/** The forms a leaked secret may take. */
export type CanaryForm = 'raw' | 'percent-encoded' | 'form-encoded' | 'JSON-escaped' | 'base64';

/** The forms of `secret` to look for, by name. */
export function canaryForms(secret: string): Record<CanaryForm, string> {
  const bytes = Buffer.from(secret, 'utf8');
  return {
    raw: secret,
    'percent-encoded': encodeURIComponent(secret),
    'form-encoded': new URLSearchParams([['', secret]]).toString().slice(1),
    'JSON-escaped': JSON.stringify(secret).slice(1, -1),
    // whole 3-byte groups only: their base64 is the same wherever in a longer (aligned) blob they sit
    base64: bytes.subarray(0, bytes.length - (bytes.length % 3)).toString('base64'),
  };
}

/** Every canary form found in each text of `places` (place name -> text). */
export function findCanaries(
  canaries: Readonly<Record<string, string>>,
  places: Readonly<Record<string, string>>,
): CanaryHit[] {
  const hits: CanaryHit[] = [];
  for (const [canary, secret] of Object.entries(canaries)) {
    for (const [form, text] of Object.entries(canaryForms(secret))) {
      for (const [place, content] of Object.entries(places)) {
        if (content.includes(text)) hits.push({ canary, form, place });
      }
    }
  }
  return hits;
}

/** Every file under `root` (recursively) as text by path; `.gz` files are unpacked first. */
export function filesUnder(root: string): Record<string, string> {
  const texts: Record<string, string> = {};
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) {
        visit(file);
        continue;
      }
      const bytes = readFileSync(file);
      texts[file] = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    }
  };
  visit(root);
  return texts;
}

/** Every value of `key`, whatever its type, as text. */
async function valuesOf(redis: Redis, key: string): Promise<string[]> {
  const type = await redis.type(key);
  switch (type) {
    case 'string':
      return [(await redis.get(key)) ?? ''];
    case 'hash':
      return Object.entries(await redis.hgetall(key)).flat();
    case 'list':
      return redis.lrange(key, 0, -1);
    case 'set':
      return redis.smembers(key);
    case 'zset':
      return redis.zrange(key, 0, -1);
    case 'stream':
      return [JSON.stringify(await redis.xrange(key, '-', '+'))];
    case 'none':
      return []; // expired between SCAN and TYPE
    default:
      return [`unknown type ${type}`];
  }
}

/** Every key of the client's database and all its values, as `redis db N key K` -> text. */
export async function redisContents(redis: Redis, db: number): Promise<Record<string, string>> {
  const texts: Record<string, string> = {};
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
    cursor = next;
    for (const key of keys) {
      texts[`redis db ${db} key ${key}`] = [key, ...(await valuesOf(redis, key))].join('\n');
    }
  } while (cursor !== '0');
  return texts;
}
