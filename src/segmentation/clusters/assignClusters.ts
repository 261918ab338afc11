import type {ClientPeriod} from "../types.js";
import {featureMatrix} from "./featureMatrix.js";
import {nearestCentroid} from "./nearestCentroid.js";
import {standardise} from "./standardise.js";
import type {ClusterModel, FeatureMatrix} from "./types.js";

/**
 * The stable cluster id of every client: records, or a matrix already built by
 * featureMatrix (transformed, missing values filled). Missing values are filled
 * with the training sample's medians and everything is standardised with the
 * training sample's means and sds, so a client's cluster does not depend on who
 * else is in the batch.
 */
export function assignClusters(model: ClusterModel, input: readonly ClientPeriod[] | FeatureMatrix): Int32Array {
  const matrix = Array.isArray(input) ? featureMatrix(input as readonly ClientPeriod[], model.features, {medians: model.medians}) : (input as FeatureMatrix);
  if (matrix.d !== model.features.length) throw new Error(`invalid feature matrix: ${matrix.d} columns for ${model.features.length} features`);
  return nearestCentroid(standardise(matrix, model), model.centroids).assignment;
}
