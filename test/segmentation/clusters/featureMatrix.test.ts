import {describe, expect, it} from "vitest";
import {featureMatrix, fitStandardiser, standardise} from "../../../src/segmentation/clusters/index.js";

describe("featureMatrix", () => {
  const features = [
    {feature: "avg_daily_aum", transform: "log1p" as const},
    {feature: "product_count", transform: "none" as const},
  ];

  it("writes rows one after another, log1p with negatives clamped to 0", () => {
    const m = featureMatrix([{avg_daily_aum: Math.E - 1, product_count: 2}, {avg_daily_aum: -500, product_count: 3}], features);
    expect(m.n).toBe(2);
    expect(m.d).toBe(2);
    expect(Array.from(m.data)).toEqual([1, 2, 0, 3]);
  });

  it("fills a missing value with the feature's median over the records", () => {
    const m = featureMatrix([{product_count: 1}, {product_count: 5}, {product_count: null}, {product_count: 2}, {product_count: "x"}], [features[1]]);
    expect(Array.from(m.data)).toEqual([1, 5, 2, 2, 2]);
    expect(m.medians).toEqual([2]);
  });

  it("fills with given medians when a trained model supplies them", () => {
    const m = featureMatrix([{product_count: null}], [features[1]], {medians: [4]});
    expect(Array.from(m.data)).toEqual([4]);
  });
});

describe("standardise", () => {
  it("uses the population mean and sd, and leaves a constant column at 0", () => {
    const m = {data: Float64Array.from([1, 7, 3, 7]), n: 2, d: 2};
    const stats = fitStandardiser(m);
    expect(stats).toEqual({means: [2, 7], sds: [1, 1]});
    expect(Array.from(standardise(m, stats).data)).toEqual([-1, 0, 1, 0]);
  });
});
