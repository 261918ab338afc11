import {describe, expect, it} from "vitest";
import {hashId, hashSampler, sampleByHash, seededRandom, shuffled} from "../../../src/segmentation/random.js";

const ids = Array.from({length: 1000}, (_, i) => `client-${i}`);

describe("seeded randomness (random.ts)", () => {
  it("repeats the same numbers for the same seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({length: 5}, a);
    expect(Array.from({length: 5}, b)).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({length: 5}, seededRandom(43))).not.toEqual(xs);
  });

  it("hashes an id the same way every time, differently per seed", () => {
    expect(hashId("client-1", 42)).toBe(hashId("client-1", 42));
    expect(hashId("client-1", 42)).not.toBe(hashId("client-1", 43));
    expect(hashId("client-1", 42)).not.toBe(hashId("client-2", 42));
  });

  it("samples by id, whatever the row order, in id order", () => {
    const sample = Array.from(sampleByHash(ids, {size: 100, seed: 42}), (i) => ids[i]);
    const mixed = shuffled(ids, {seed: 1});
    const again = Array.from(sampleByHash(mixed, {size: 100, seed: 42}), (i) => mixed[i]);
    expect(again).toEqual(sample);
    expect(sample).toEqual([...sample].sort());
    expect(new Set(sample).size).toBe(100);
  });

  it("nests a smaller sample inside a larger one, and takes everyone when asked for more", () => {
    const small = new Set(Array.from(sampleByHash(ids, {size: 50, seed: 7}), (i) => ids[i]));
    const large = new Set(Array.from(sampleByHash(ids, {size: 200, seed: 7}), (i) => ids[i]));
    for (const id of small) expect(large.has(id)).toBe(true);
    expect(sampleByHash(ids, {size: 5000, seed: 7})).toHaveLength(1000);
  });

  it("spreads the sample roughly evenly (about 10% of each block of ids)", () => {
    const sample = sampleByHash(ids, {size: 100, seed: 3});
    const perBlock = new Array(10).fill(0);
    for (const i of sample) perBlock[Math.floor(i / 100)]++;
    for (const count of perBlock) expect(count).toBeGreaterThan(2);
  });
});

describe("hashSampler (ids in batches)", () => {
  it("chooses exactly the ids sampleByHash chooses from all of them, whatever the batches and their order", () => {
    const random = seededRandom(5);
    const ids = Array.from({length: 20_000}, (_, i) => `P${Math.floor(random() * 1e9)}-${i}`);
    const expected = Array.from(sampleByHash(ids, {size: 700, seed: 9}), (i) => ids[i]);
    for (const batch of [1, 333, 5_000, 20_000]) {
      const sampler = hashSampler({size: 700, seed: 9});
      const mixed = shuffled(ids, {seed: batch});
      for (let i = 0; i < mixed.length; i += batch) sampler.add(mixed.slice(i, i + batch));
      expect(sampler.ids(), `batches of ${batch}`).toEqual(expected);
    }
  });

  it("returns every id when there are fewer than the size", () => {
    const sampler = hashSampler({size: 10, seed: 1});
    sampler.add(["b", "a"]);
    sampler.add(["c"]);
    expect(sampler.ids()).toEqual(["a", "b", "c"]);
  });
});
