import type {KmeansConfig} from "../../config/schema.js";
import type {ClientPeriod} from "../types.js";
import {featureMatrix} from "./featureMatrix.js";
import {nearestCentroid} from "./nearestCentroid.js";
import {meanSilhouette} from "./silhouette.js";
import {fitStandardiser, standardise} from "./standardise.js";
import {clientIds, trainingSample} from "./trainingSample.js";
import {trainKmeans} from "./trainKmeans.js";
import {sampleByHash} from "../random.js";

export interface KDiagnostic {
  k: number;
  /** SSE of the training sample (standardised units), best restart: the elbow curve. */
  sse: number;
  /** Mean silhouette width on the silhouette sample; undefined when it holds fewer than two clusters. */
  silhouette: number | undefined;
}

/**
 * For every k from kMin to kMax, the elbow (SSE) and the mean silhouette, to
 * help choose k. Trained as fitClusters trains (same sample and seeds), but
 * with one restart per k by default to stay cheap (pass `restarts` to match
 * fitClusters exactly); the silhouette is measured on the
 * `silhouetteSample` clients with the smallest id hashes, a subset of the
 * training sample. Deterministic for a given seed.
 */
export function clusterDiagnostics(
  records: readonly ClientPeriod[],
  cfg: Pick<KmeansConfig, "features" | "seed" | "restarts" | "sampleSize" | "maxIterations" | "diagnostics">,
  {idField = "client_pid", restarts = 1, sampleSize = cfg.sampleSize}: {idField?: string; restarts?: number; sampleSize?: number} = {}
): KDiagnostic[] {
  const {features, seed, maxIterations} = cfg;
  const {kMin, kMax, silhouetteSample} = cfg.diagnostics;
  const sample = trainingSample(records, {size: sampleSize, seed, idField, features: features.map((f) => f.feature)});
  const raw = featureMatrix(sample, features);
  const z = standardise(raw, fitStandardiser(raw));
  const rows = sampleByHash(clientIds(sample, idField), {size: silhouetteSample, seed});
  const d = z.d;
  const sub = {data: new Float64Array(rows.length * d), n: rows.length, d};
  rows.forEach((row, i) => sub.data.set(z.data.subarray(row * d, (row + 1) * d), i * d));
  const out: KDiagnostic[] = [];
  for (let k = kMin; k <= Math.min(kMax, z.n); ++k) {
    const fit = trainKmeans(z, {k, seed, restarts, maxIterations});
    const {assignment} = nearestCentroid(sub, fit.centroids);
    out.push({k, sse: fit.sse, silhouette: meanSilhouette(sub, assignment)});
  }
  return out;
}
