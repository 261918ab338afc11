import {describe, expect, it} from "vitest";
import {clusterDiagnostics, clusterLabels, fitClusters, meanSilhouette} from "../../../src/segmentation/clusters/index.js";
import {defaultConfig} from "../tiers/defaultConfig.js";
import {blobs, xyz} from "./blobs.js";

describe("clusterDiagnostics", () => {
  const clients = blobs(1200, [
    [0, 0, 0],
    [10, 0, 0],
    [0, 10, 0],
  ]);
  const cfg = {features: xyz, seed: 7, restarts: 2, sampleSize: 1000, maxIterations: 100, diagnostics: {kMin: 2, kMax: 6, silhouetteSample: 300}};

  it("reports SSE falling with k and the best silhouette at the planted k", () => {
    const result = clusterDiagnostics(clients, cfg);
    expect(result.map((r) => r.k)).toEqual([2, 3, 4, 5, 6]);
    for (let i = 1; i < result.length; ++i) expect(result[i].sse).toBeLessThan(result[i - 1].sse);
    const best = result.reduce((a, b) => (b.silhouette! > a.silhouette! ? b : a));
    expect(best.k).toBe(3);
    // standardising gives the noise-only z axis as much weight as x and y, hence well below 1
    expect(best.silhouette).toBeGreaterThan(0.4);
    expect(clusterDiagnostics(clients, cfg)).toEqual(result);
  });
});

describe("meanSilhouette", () => {
  it("matches a hand-computed value", () => {
    // points 0, 1 | 10: a(0) = 1, b(0) = 10 → 0.9; a(1) = 1, b(1) = 9 → 8/9; the singleton scores 0
    const m = {data: Float64Array.from([0, 1, 10]), n: 3, d: 1};
    expect(meanSilhouette(m, [0, 0, 1])).toBeCloseTo((0.9 + 8 / 9 + 0) / 3, 12);
    expect(meanSilhouette(m, [0, 0, 0])).toBeUndefined();
  });
});

describe("clusterLabels", () => {
  const {kmeans} = defaultConfig();
  const features = kmeans.features;
  const model = {
    features: features.map(({feature, transform}) => ({feature, transform})),
    // z-scores: avg_daily_aum, monetary, frequency, recency_days, product_count, tenure_months
    centroids: [
      [-1.2, -0.3, -1.0, 0.8, -0.2, 0.1],
      [1.5, 0.2, -0.9, 0.1, 0.3, 0.0],
      [0.1, 1.1, 1.3, -0.9, 0.2, 0.1],
      [1.4, 0.3, -0.95, 0.2, -0.9, 0.2],
    ],
  };

  it("names each cluster after its two most distinctive features", () => {
    const labels = clusterLabels(model, features);
    expect(labels[0]).toEqual({zh: "低日均资产·低交易笔数", en: "Low average daily AUM · low transactions"});
    expect(labels[2]).toEqual({zh: "高交易笔数·高交易金额", en: "High transactions · high transaction amount"});
  });

  it("adds the next feature when two clusters would share a label", () => {
    const labels = clusterLabels(model, features);
    expect(labels[1]).toEqual({zh: "高日均资产·低交易笔数·高产品数", en: "High average daily AUM · low transactions · high products held"});
    expect(labels[3]).toEqual({zh: "高日均资产·低交易笔数·低产品数", en: "High average daily AUM · low transactions · low products held"});
    expect(new Set(labels.map((l) => l.en)).size).toBe(labels.length);
    expect(new Set(labels.map((l) => l.zh)).size).toBe(labels.length);
  });

  it("labels a fitted model", () => {
    const clients = blobs(600, [
      [0, 0, 0],
      [10, 8, 0],
    ]);
    const fitted = fitClusters(clients, {features: xyz, k: 2, seed: 1, restarts: 1, sampleSize: 1000, maxIterations: 50});
    expect(clusterLabels(fitted, xyz).map((l) => l.en)).toEqual(["Low AUM · low activity", "High AUM · high activity"]);
  });
});
