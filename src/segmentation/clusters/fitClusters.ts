import type {KmeansConfig} from "../../config/schema.js";
import type {ClientPeriod} from "../types.js";
import {featureMatrix, untransformValue} from "./featureMatrix.js";
import {nearestCentroid} from "./nearestCentroid.js";
import {fitStandardiser, standardise} from "./standardise.js";
import {trainingSample} from "./trainingSample.js";
import {trainKmeans} from "./trainKmeans.js";
import type {ClusterModel} from "./types.js";

type FitConfig = Pick<KmeansConfig, "features" | "k" | "seed" | "restarts" | "sampleSize" | "maxIterations">;

/**
 * Trains behavioural clusters on a seeded sample of clients:
 * sample by id hash → transform (log1p) → fill missing with the sample median →
 * standardise with the sample's mean and sd → k-means with `restarts` seeds →
 * keep the lowest SSE → number clusters by ascending first feature (with the
 * default features, cluster 0 holds the lowest AUM).
 * The result depends on the records and the configuration only, not on row order.
 */
export function fitClusters(records: readonly ClientPeriod[], cfg: FitConfig, {idField = "client_pid"}: {idField?: string} = {}): ClusterModel {
  const {features, k, seed, restarts, sampleSize, maxIterations} = cfg;
  const sample = trainingSample(records, {size: sampleSize, seed, idField, features: features.map((f) => f.feature)});
  const raw = featureMatrix(sample, features);
  const {means, sds} = fitStandardiser(raw);
  const z = standardise(raw, {means, sds});
  const fit = trainKmeans(z, {k, seed, restarts, maxIterations});

  const order = stableOrder(fit.centroids);
  const centroids = order.map((c) => fit.centroids[c].slice());
  const centroidsOriginal = centroids.map((c) => c.map((v, j) => untransformValue(v * sds[j] + means[j], features[j].transform)));
  const {assignment} = nearestCentroid(z, centroids);
  const sizes = new Array<number>(k).fill(0);
  for (const c of assignment) sizes[c]++;

  return {
    k,
    seed,
    features: features.map(({feature, transform}) => ({feature, transform})),
    medians: raw.medians,
    means,
    sds,
    centroids,
    centroidsOriginal,
    sizes,
    sse: fit.sse,
    restartSse: fit.restartSse,
    bestRestart: fit.bestRestart,
    order,
    trainedOn: sample.length,
  };
}

/** Raw centre indices sorted by the first coordinate, then the next ones, then index: a stable numbering. */
export function stableOrder(centroids: readonly (readonly number[])[]): number[] {
  return centroids
    .map((_, i) => i)
    .sort((a, b) => {
      const ca = centroids[a];
      const cb = centroids[b];
      for (let j = 0; j < ca.length; ++j) if (ca[j] !== cb[j]) return ca[j] - cb[j];
      return a - b;
    });
}
