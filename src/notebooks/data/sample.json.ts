// Notebook data: a seeded sample of retail clients in the latest quarter,
// features joined with segments, from the anonymised pipeline outputs in
// data/work/<key>/. Client-level, so it exists only on an analyst's machine:
// in any build but the local preview (`npm run dev` sets SEG_LOCAL=1) it prints a small
// note saying why there is none.
import {readFile} from "node:fs/promises";
import path from "node:path";
import {ensurePipeline} from "../../../loaders/pipeline/ensure.js";
import {notebookSample} from "../../../loaders/publish/notebookSample.js";

// Enough clients for stable group means and a readable scatter; small enough
// to load in a page at once.
const sampleSize = 2000;

const {dir, config} = await ensurePipeline({quiet: true});
const run = JSON.parse(await readFile(path.join(dir, "run.json"), "utf8"));
const sample = await notebookSample(dir, config, {quarters: run.quarters, size: sampleSize, publish: process.env.SEG_LOCAL !== "1"});
process.stdout.write(JSON.stringify({meta: {configHash: run.configHash, asOf: run.asOf, demo: run.demo}, config: {rfm: config.rfm}, sample}));
