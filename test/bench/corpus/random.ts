import { createHash } from 'node:crypto';

/**
 * A seeded pseudo-random source (sfc32). The corpus must be byte-identical for a given seed and
 * count on every machine, so nothing here ever touches Math.random.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    const digest = createHash('sha256').update(seed).digest();
    this.a = digest.readUInt32LE(0);
    this.b = digest.readUInt32LE(4);
    this.c = digest.readUInt32LE(8);
    this.d = digest.readUInt32LE(12);
    for (let i = 0; i < 16; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Picks a key of `weights` with probability proportional to its weight. */
  weighted<K extends string | number>(weights: readonly (readonly [K, number])[]): K {
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [key, weight] of weights) {
      roll -= weight;
      if (roll < 0) return key;
    }
    const last = weights[weights.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** `length` random bytes (for the opaque `secured` blob). */
  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }
}

/**
 * A distribution given by measured quantiles: `[probability, value]` pairs from 0 to 1. Sampling
 * interpolates linearly between neighbouring quantiles (inverse CDF), so a handful of figures read
 * off the real corpus reproduce its median, spread and tail.
 */
export type Quantiles = readonly (readonly [number, number])[];

export function sampleQuantiles(random: Random, quantiles: Quantiles): number {
  const u = random.next();
  for (let i = 1; i < quantiles.length; i++) {
    const [p1, v1] = quantiles[i]!;
    if (u <= p1) {
      const [p0, v0] = quantiles[i - 1]!;
      return v0 + ((u - p0) / (p1 - p0 || 1)) * (v1 - v0);
    }
  }
  return quantiles[quantiles.length - 1]![1];
}

/** Zipf-like popularity over `size` ranks: rank r is drawn with weight 1 / (r + 1)^exponent. */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(size: number, exponent: number) {
    this.cumulative = new Float64Array(size);
    let sum = 0;
    for (let rank = 0; rank < size; rank++) {
      sum += 1 / Math.pow(rank + 1, exponent);
      this.cumulative[rank] = sum;
    }
  }

  /** A rank from 0 (most popular) to size - 1. */
  sample(random: Random): number {
    const target = random.next() * this.cumulative[this.cumulative.length - 1]!;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
