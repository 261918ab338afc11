// Child job: k-means as the pipeline runs it at scale — fitClusters on the
// default 50,000-client sample, then assignClusters for every client.
//   tsx bench/jobs/segmentSample.ts <clients> <modelOut.json>
// The clients are made before the clock starts; the peak RSS covers them,
// because the pipeline holds a quarter's records too.

import {writeFileSync} from "node:fs";
import {assignClusters, fitClusters} from "../../src/segmentation/clusters/index.js";
import {syntheticClients} from "../synthetic.js";
import {defaults} from "./defaults.js";
import {reportResult, timed} from "./report.js";

const n = Number(process.argv[2] ?? 1_000_000);
const modelOut = process.argv[3];
const records = syntheticClients(n, {seed: 7});
const dataMaxRssKb = process.resourceUsage().maxRSS;

const fit = timed(() => fitClusters(records, defaults.kmeans));
const assign = timed(() => assignClusters(fit.value, records));
if (modelOut) writeFileSync(modelOut, JSON.stringify(fit.value));

const sizes = new Array<number>(fit.value.k).fill(0);
for (const c of assign.value) sizes[c]++;
reportResult({
  clients: n,
  sampleSize: fit.value.trainedOn,
  restarts: defaults.kmeans.restarts,
  fitSeconds: fit.seconds,
  assignSeconds: assign.seconds,
  seconds: fit.seconds + assign.seconds,
  sizes,
  dataMaxRssKb,
});
