import {describe, expect, it} from "vitest";
import {adjustedRandIndex} from "../../../src/segmentation/agreement/index.js";
import {assignClusters, featureMatrix, fitClusters, standardise} from "../../../src/segmentation/clusters/index.js";
import {shuffled} from "../../../src/segmentation/random.js";
import {blobs, xyz} from "./blobs.js";

const centres = [
  [0, 0, 0],
  [10, 0, 0],
  [0, 10, 0],
  [5, 5, 10],
];
const cfg = {features: xyz, k: 4, seed: 42, restarts: 3, sampleSize: 5000, maxIterations: 100};

describe("fitClusters", () => {
  const clients = blobs(2000, centres);
  const model = fitClusters(clients, cfg);
  const clusters = assignClusters(model, clients);

  it("recovers planted groups (ARI ≥ 0.95)", () => {
    const ari = adjustedRandIndex(clusters, clients.map((c) => c.group));
    expect(ari).toBeGreaterThanOrEqual(0.95);
  });

  it("numbers clusters by ascending first feature, in original units", () => {
    const firsts = model.centroidsOriginal.map((c) => c[0]);
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    // cluster 3 is the planted group at x = 10
    expect(model.centroidsOriginal[3][0]).toBeCloseTo(10, 0);
    expect(model.sizes.reduce((s, x) => s + x, 0)).toBe(2000);
  });

  it("keeps the lowest-SSE restart of seeds seed, seed + 1, …", () => {
    expect(model.restartSse).toHaveLength(3);
    expect(model.sse).toBe(Math.min(...model.restartSse));
    expect(model.restartSse[model.bestRestart]).toBe(model.sse);
  });

  it("gives the same assignments for the same seed", () => {
    const again = fitClusters(clients, cfg);
    expect(again).toEqual(model);
    expect(assignClusters(again, clients)).toEqual(clusters);
  });

  it("does not depend on input row order", () => {
    for (const seed of [1, 2, 3]) {
      const mixed = shuffled(clients, {seed});
      const other = fitClusters(mixed, cfg);
      expect(other.centroids).toEqual(model.centroids);
      const byId = new Map(mixed.map((c, i) => [c.client_pid, i]));
      const assigned = assignClusters(other, mixed);
      clients.forEach((c, i) => expect(assigned[byId.get(c.client_pid)!]).toBe(clusters[i]));
    }
  });

  it("trains on a hash sample that does not depend on row order either", () => {
    const small = {...cfg, sampleSize: 300};
    const a = fitClusters(clients, small);
    const b = fitClusters(shuffled(clients, {seed: 9}), small);
    expect(a.trainedOn).toBe(300);
    expect(b).toEqual(a);
  });

  it("assigns a prebuilt feature matrix the same as records", () => {
    const matrix = featureMatrix(clients, model.features, {medians: model.medians});
    expect(assignClusters(model, matrix)).toEqual(clusters);
  });

  it("refuses more clusters than clients", () => {
    expect(() => fitClusters(clients.slice(0, 3), cfg)).toThrow("invalid k: 4 (3 clients to cluster)");
  });
});

describe("a model trained on a sample", () => {
  it("fits all clients within a few % of the SSE of training on everyone", () => {
    const clients = blobs(20000, centres, {sd: 2.5, seed: 3});
    const full = fitClusters(clients, {...cfg, sampleSize: 20000});
    const sampled = fitClusters(clients, {...cfg, sampleSize: 2000});
    expect(sampled.trainedOn).toBe(2000);
    // both measured on all clients, in the full model's standardised units
    const z = standardise(featureMatrix(clients, xyz), full);
    const sseOf = (model: typeof full) => {
      const assigned = assignClusters(model, clients);
      const centres = model.centroidsOriginal.map((c) => c.map((v, j) => (v - full.means[j]) / full.sds[j]));
      let sse = 0;
      for (let i = 0; i < z.n; ++i) for (let j = 0; j < z.d; ++j) sse += (z.data[i * z.d + j] - centres[assigned[i]][j]) ** 2;
      return sse;
    };
    const ratio = sseOf(sampled) / sseOf(full);
    console.log(`SSE on all 20,000 clients: sample-trained / fully trained = ${ratio.toFixed(4)}`);
    expect(ratio).toBeLessThan(1.03);
  });
});
