// Explore page data: a pseudonymous client sample for what-if recomputation
// in the browser, with the cluster model the pipeline trained (so the page
// assigns clusters as the pipeline did); or, in a published build without
// privacy.publishSample, a note saying why there is none. Client rows only when
// SEG_LOCAL=1, which `npm run dev` sets: any other build (npm run build, or
// Framework run directly) gets the refusal.
import {ensurePipeline} from "../../loaders/pipeline/ensure.js";
import {explorerSample} from "../../loaders/publish/explorerSample.js";
import {readFile} from "node:fs/promises";
import path from "node:path";

const {dir, config} = await ensurePipeline({quiet: true});
const run = JSON.parse(await readFile(path.join(dir, "run.json"), "utf8"));
const sample = await explorerSample(dir, config, {quarters: run.quarters, publish: process.env.SEG_LOCAL !== "1"});
// The trained model (centres, scaling, fills) goes only with the sample it assigns.
const model = sample.available ? JSON.parse(await readFile(path.join(dir, "model.json"), "utf8")).clusters.model : null;
const {classifications, rfm, kmeans, migration, kpis, features, bank} = config;
process.stdout.write(JSON.stringify({meta: {configHash: run.configHash, asOf: run.asOf}, config: {classifications, rfm, kmeans, migration, kpis, features, bank}, model, sample}));
