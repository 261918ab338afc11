import type {KmeansConfig} from "../../config/schema.js";

export type ClusterFeature = Pick<KmeansConfig["features"][number], "feature" | "transform">;

/** Row-major feature values: row i, column j at data[i * d + j]. */
export interface FeatureMatrix {
  data: Float64Array;
  n: number;
  d: number;
}

/**
 * A trained clustering: plain numbers only, so it can be written to JSON, read
 * back in the browser and used to assign clients there.
 */
export interface ClusterModel {
  k: number;
  seed: number;
  features: ClusterFeature[];
  /** Per feature, on the transformed scale: fill for missing values (training-sample median). */
  medians: number[];
  /** Per feature, on the transformed scale: training-sample mean and standard deviation. */
  means: number[];
  sds: number[];
  /** Cluster centres as z-scores, in stable cluster order (ascending first feature). */
  centroids: number[][];
  /** Cluster centres back in the features' own units (log1p features: expm1 of the mean log, a geometric-type mean). */
  centroidsOriginal: number[][];
  /** Training-sample clients per cluster. */
  sizes: number[];
  /** Sum of squared distances (standardised units) of the training sample to its centres, best restart. */
  sse: number;
  /** SSE of every restart (seed, seed + 1, …), in restart order. */
  restartSse: number[];
  bestRestart: number;
  /** order[c] = index of stable cluster c among the best restart's raw k-means centres. */
  order: number[];
  /** Clients in the training sample. */
  trainedOn: number;
}
