/**
 * Deterministic pseudo-randomness for the simulator: every answer is drawn from a generator seeded by a
 * hash of the lookup type and the normalized value, so the same value always gets the same body.
 */
import { createHash } from 'node:crypto';

const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];

/** A small seeded generator (sfc32); not for security, only for repeatable fake data. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds from the SHA-256 of the parts, so any string (or number) gives a well-mixed state. */
  constructor(...parts: readonly (string | number)[]) {
    const digest = createHash('sha256').update(parts.map(String).join('\u0000')).digest();
    this.a = digest.readUInt32LE(0);
    this.b = digest.readUInt32LE(4);
    this.c = digest.readUInt32LE(8);
    this.d = digest.readUInt32LE(12);
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('Prng.pick: the list is empty');
    return item;
  }

  /** `count` distinct items in list order (fewer when the list is shorter). */
  some<T>(items: readonly T[], count: number): T[] {
    const chosen: T[] = [];
    // selection sampling: keep each item with probability (still needed) / (still left)
    items.forEach((item, index) => {
      if (this.next() * (items.length - index) < count - chosen.length) chosen.push(item);
    });
    return chosen;
  }

  /** Random-looking letters, like IPQS's `request_id` (e.g. `fzckofTvAQ`). */
  letters(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += this.pick(LETTERS);
    return text;
  }
}
