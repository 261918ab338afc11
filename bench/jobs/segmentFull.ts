// Child job: the quality reference for sample training — k-means trained on
// every client, best of 10 restarts — and the SSE of both models on all
// clients, measured in the same units.
//   tsx bench/jobs/segmentFull.ts <clients> <sampleModel.json> [restarts]
// Each model standardises with its own training means and sds; to compare
// SSEs, the sample model's centres are mapped into the full-data standardised
// space (z → value → z'), and every client goes to its nearest mapped centre.

import {readFileSync} from "node:fs";
import {featureMatrix, fitClusters, nearestCentroid, standardise, type ClusterModel} from "../../src/segmentation/clusters/index.js";
import {syntheticClients} from "../synthetic.js";
import {defaults} from "./defaults.js";
import {reportResult, timed} from "./report.js";

const n = Number(process.argv[2] ?? 1_000_000);
const sampleModel: ClusterModel = JSON.parse(readFileSync(process.argv[3], "utf8"));
const restarts = Number(process.argv[4] ?? 10);
const records = syntheticClients(n, {seed: 7});

const full = timed(() => fitClusters(records, {...defaults.kmeans, sampleSize: n, restarts}));
const model = full.value;
const z = standardise(featureMatrix(records, model.features, {medians: model.medians}), model);
const toFullSpace = (c: readonly number[]) => c.map((v, j) => (v * sampleModel.sds[j] + sampleModel.means[j] - model.means[j]) / model.sds[j]);
const sseFull = nearestCentroid(z, model.centroids).sse;
const sseSample = nearestCentroid(z, sampleModel.centroids.map(toFullSpace)).sse;

reportResult({
  clients: n,
  restarts,
  seconds: full.seconds,
  sseFull,
  sseSample,
  sseGap: sseSample / sseFull - 1,
  restartSse: model.restartSse,
});
