// Seeded randomness for the segmentation core. Nothing here reads a clock or
// Math.random: the same seed gives the same numbers in Node and in the browser.

/** A seeded uniform generator on [0, 1) (mulberry32: small, fast, good enough for sampling and shuffles). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit hash of a client id under a seed (murmur-style mixing over UTF-16
 * code units). Used for sampling: whether a client is in a sample depends only
 * on its id and the seed, never on where its row sits in the extract.
 */
export function hashId(id: string, seed: number): number {
  let h = (seed ^ Math.imul(id.length, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < id.length; ++i) {
    let c = Math.imul(id.charCodeAt(i), 0xcc9e2d51);
    c = (c << 15) | (c >>> 17);
    h ^= Math.imul(c, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  // fmix32: spread every input bit over the whole word
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Code-unit order, not locale order, so that ids sort the same on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Row indices of a deterministic sample: the `size` ids with the smallest
 * hashes under `seed` (ties broken by id), returned in id order. The sample
 * does not depend on row order, and a smaller sample under the same seed is a
 * subset of a larger one. Every row is returned when size ≥ ids.length.
 */
export function sampleByHash(ids: ArrayLike<string>, {size, seed}: {size: number; seed: number}): Int32Array {
  const rows = Array.from({length: ids.length}, (_, index) => ({id: ids[index], hash: hashId(ids[index], seed), index}));
  const take = Math.max(0, Math.min(rows.length, Math.floor(size)));
  if (take < rows.length) rows.sort(byHash);
  return Int32Array.from(rows.slice(0, take).sort(byId), (r) => r.index);
}

interface Hashed {
  id: string;
  hash: number;
}
// The sample's order (smallest hash first, ties by id) and its output order (by id).
const byHash = (a: Hashed, b: Hashed) => a.hash - b.hash || compareIds(a.id, b.id);
const byId = (a: Hashed, b: Hashed) => compareIds(a.id, b.id) || a.hash - b.hash;

/**
 * sampleByHash for ids that arrive in batches (a warehouse's millions of
 * clients need not sit in memory at once): keeps the `size` smallest
 * (hash, id) seen so far. `ids()` gives the same ids sampleByHash would
 * choose from all batches together, in id order.
 */
export function hashSampler({size, seed}: {size: number; seed: number}) {
  const take = Math.max(0, Math.floor(size));
  let kept: Hashed[] = [];
  return {
    add(ids: Iterable<string>): void {
      for (const id of ids) kept.push({id, hash: hashId(id, seed)});
      // Trim once the buffer has doubled: amortised n log n, memory ~ 2 × size.
      if (kept.length > 2 * take + 1024) kept = kept.sort(byHash).slice(0, take);
    },
    ids(): string[] {
      return kept.sort(byHash).slice(0, take).sort(byId).map((d) => d.id);
    },
  };
}

/** A seeded Fisher–Yates shuffle into a new array (tests and what-if pages use it to prove order independence). */
export function shuffled<T>(values: readonly T[], {seed}: {seed: number}): T[] {
  const random = seededRandom(seed);
  const out = values.slice();
  for (let i = out.length - 1; i > 0; --i) {
    const j = Math.floor(random() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}
