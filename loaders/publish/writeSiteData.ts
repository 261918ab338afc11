// Everything the published site shows, computed once per pipeline key and
// written as small JSON files; src/data loaders only print them. Every file
// passes small-cell suppression before it is written, and is checked again.

import {mkdir, writeFile} from "node:fs/promises";
import path from "node:path";
import type {Config} from "../../src/config/schema.js";
import type {DuckDbEngine} from "../engine/duckdb.js";
import type {SegmentationModel} from "../segment/model.js";
import {campaignsData} from "./campaigns.js";
import {migrationData} from "./migration.js";
import {overviewData} from "./overview.js";
import {publishable} from "./suppressFiles.js";
import {qualityData} from "./quality.js";
import {segmentsData} from "./segments.js";
import {dataFacts, pageAvailability} from "./availability.js";
import type {IncompleteQuarter} from "../../src/segmentation/periods/index.js";

/** The configuration minus where the extract lives: rules and parameters only. */
function publishedConfig(config: Config) {
  const {extract, ...rest} = config;
  return {...rest, extract: {tables: Object.keys(extract.tables)}};
}

export interface RunInfo {
  key: string;
  configHash: string;
  demo: boolean;
  quarters: string[];
  /** Quarters the balances cover only in part (loaders/features/calendar.ts). */
  incompleteQuarters?: IncompleteQuarter[];
  asOf: string;
  extract: string;
}

export async function writeSiteData(
  engine: DuckDbEngine,
  config: Config,
  {dir, run, manifest, model}: {dir: string; run: RunInfo; manifest: unknown; model: SegmentationModel}
): Promise<void> {
  await mkdir(dir, {recursive: true});
  const threshold = config.privacy.suppressionThreshold;
  const labels = {
    classifications: Object.fromEntries(
      config.classifications.map((c) => [c.id, {label: c.label, tiers: Object.fromEntries(c.tiers.map((t) => [t.id, t.label]))}])
    ),
    rfm: Object.fromEntries(config.rfm.segments.map((s) => [s.id, s.label])),
    clusters: Object.fromEntries(model.clusters.labels.map((l, i) => [String(i), l])),
  };
  const meta = {asOf: run.asOf, quarters: run.quarters, incompleteQuarters: run.incompleteQuarters ?? [], configHash: run.configHash, demo: run.demo, bank: config.bank.name, threshold, labels};
  const clusterCount = model.clusters.labels.length;
  // Per page: what this extract can show, and why not when it cannot.
  const availability = pageAvailability(await dataFacts(engine, {quarters: run.quarters}));
  const files: Record<string, unknown> = {
    overview: {meta, manifest, availability: availability.overview, ...(await overviewData(engine, config))},
    segments: {meta, availability: availability.segments, ...(await segmentsData(engine, config, model))},
    migration: {meta, availability: availability.migration, ...(await migrationData(engine, config, {quarters: run.quarters, clusterCount}))},
    campaigns: {meta, availability: availability.campaigns, ...(await campaignsData(engine, config))},
    quality: {meta, manifest, availability: availability.quality, ...(await qualityData(engine, config, {asOf: run.asOf}))},
  };
  for (const [name, data] of Object.entries(files)) {
    await writeFile(path.join(dir, `${name}.json`), JSON.stringify(publishable(data, {threshold, file: name})) + "\n");
  }
  // The configuration in force, so the Methodology page shows the rules
  // actually used. It holds thresholds, not counts of clients, so it skips the
  // count suppression (which would blank a rule's `value: 3`).
  await writeFile(path.join(dir, "methodology.json"), JSON.stringify({meta, config: publishedConfig(config)}) + "\n");
}
