import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {rankScores, rfmFeatures, rfmScores} from "../../../src/segmentation/rfm/index.js";
import {shuffled} from "../../../src/segmentation/random.js";

describe("rankScores", () => {
  it("splits distinct values into equal quintiles", () => {
    expect(Array.from(rankScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], {bins: 5}))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Array.from(rankScores([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], {bins: 5, higherIsBetter: false}))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("gives equal values the score of the first of them (share strictly worse)", () => {
    // six zeros of ten: 0% are worse than a zero → 1; 60% are worse than 5 → 4
    expect(Array.from(rankScores([0, 0, 0, 0, 0, 0, 5, 7, 7, 9], {bins: 5}))).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 4, 5]);
    expect(Array.from(rankScores([3, 3, 3], {bins: 5}))).toEqual([1, 1, 1]);
  });

  it("scores missing values 1 and counts them as the worst", () => {
    expect(Array.from(rankScores([NaN, 1, 2, 3, 4], {bins: 5}))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(rankScores([NaN, 1, 2, 3, 4], {bins: 5, higherIsBetter: false}))).toEqual([1, 5, 4, 3, 2]);
  });
});

describe("rfmScores", () => {
  const cfg = rfmFeatures({bins: 5, recencyFeature: "recency_days", frequencyFeature: "frequency", monetaryFeature: "monetary"});

  it("scores recency by fewer days, F and M by more, and rounds FM half up", () => {
    const records = [
      {recency_days: 1, frequency: 50, monetary: 9000},
      {recency_days: 10, frequency: 40, monetary: 10000},
      {recency_days: 30, frequency: 30, monetary: 500},
      {recency_days: 90, frequency: 2, monetary: 100},
      {recency_days: null, frequency: 0, monetary: 0}, // never transacted
    ];
    const {r, f, m, fm} = rfmScores(records, cfg);
    expect(Array.from(r)).toEqual([5, 4, 3, 2, 1]);
    expect(Array.from(f)).toEqual([5, 4, 3, 2, 1]);
    expect(Array.from(m)).toEqual([4, 5, 3, 2, 1]);
    expect(Array.from(fm)).toEqual([5, 5, 3, 2, 1]); // (5 + 4) / 2 = 4.5 → 5
  });

  it("reads through accessors, d3 style: typed columns by index, NaN or null for never transacted", () => {
    const recency = new Float64Array([NaN, 3, 3]);
    const {r, f} = rfmScores([0, 1, 2], {bins: 5, recency: (i) => recency[i], frequency: (i) => [1, 2, null][i], monetary: (_, i) => i});
    expect(Array.from(r)).toEqual([1, 2, 2]);
    expect(Array.from(f)).toEqual([2, 4, 1]);
  });

  it("reads the configured features of records, anything but a number as missing", () => {
    const records = [{recency_days: "3", frequency: true, monetary: 5}, {recency_days: 2, frequency: 1, monetary: null}];
    const {r, f, m} = rfmScores(records, cfg);
    expect([Array.from(r), Array.from(f), Array.from(m)]).toEqual([[1, 3], [1, 3], [3, 1]]);
  });

  it("does not depend on input order: shuffled clients keep their scores", () => {
    const client = fc.record({
      recency_days: fc.oneof(fc.constant(null), fc.integer({min: 0, max: 400})),
      frequency: fc.integer({min: 0, max: 30}),
      monetary: fc.oneof(fc.constant(0), fc.double({min: 0, max: 1e7, noNaN: true})),
    });
    fc.assert(
      fc.property(fc.array(client, {minLength: 1, maxLength: 300}), fc.integer(), (clients, seed) => {
        const records = clients.map((c, i) => ({...c, client_pid: `c${i}`}));
        const before = rfmScores(records, cfg);
        const mixed = shuffled(records, {seed});
        const after = rfmScores(mixed, cfg);
        const position = new Map(mixed.map((x, j) => [x.client_pid, j]));
        records.forEach((x, i) => {
          const j = position.get(x.client_pid)!;
          expect([after.r[j], after.f[j], after.m[j], after.fm[j]]).toEqual([before.r[i], before.f[i], before.m[i], before.fm[i]]);
        });
      }),
      {seed: 42, numRuns: 200}
    );
  });
});
