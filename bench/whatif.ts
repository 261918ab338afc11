// Benchmark 3: the Explore page's recompute (tier sizes, cluster × tier table,
// migration preview) on a 50,000-client sample, in Node with the same
// src/segmentation code the browser runs; baseline: the same on 5,000 clients.
// Target: < 300 ms for the first (cold) recompute, retraining not included.

import {runTsJob} from "./child.js";
import {against, target, type BenchResult, type Measurement} from "./results.js";

export interface WhatifBenchOptions {
  clients?: number;
  baselineClients?: number;
  repetitions?: number;
  log?: (line: string) => void;
}

const recomputeTarget = 0.3;

export async function whatifBench({clients = 50_000, baselineClients = 5_000, repetitions = 20, log = () => {}}: WhatifBenchOptions = {}): Promise<BenchResult> {
  log(`whatif: baseline recompute on ${baselineClients} clients`);
  const small = await runTsJob("bench/jobs/whatif.ts", [String(baselineClients), String(repetitions)]);
  log(`whatif: recompute on ${clients} clients`);
  const large = await runTsJob("bench/jobs/whatif.ts", [String(clients), String(repetitions)]);
  const s = small.result!;
  const l = large.result!;
  const cold = l.coldSeconds as number;
  const warm = l.medianSeconds as number;
  const recompute: Measurement = {
    name: `recompute ${clients / 1000}k (cold)`,
    seconds: cold,
    peakBytes: large.peakRssBytes,
    peakKind: "rss",
    ...against(cold, {name: `recompute ${baselineClients / 1000}k (cold)`, seconds: s.coldSeconds as number, peakBytes: small.peakRssBytes}),
    targets: [target("cold < 300 ms", cold < recomputeTarget), target("warm median < 300 ms", warm < recomputeTarget)],
    details: {warmMedianSeconds: warm, maxWarmSeconds: l.maxWarmSeconds, repetitions, parts: l.parts, tierSizes: l.tierSizes, movers: l.movers},
  };
  const steady: Measurement = {
    name: `recompute ${clients / 1000}k (warm median)`,
    seconds: warm,
    peakBytes: large.peakRssBytes,
    peakKind: "rss",
    ...against(warm, {name: `recompute ${baselineClients / 1000}k (warm median)`, seconds: s.medianSeconds as number}),
    targets: [],
  };
  const retrain: Measurement = {
    name: `retrain k-means on ${(l.retrainSample as number) / 1000}k sample`,
    seconds: l.retrainSeconds as number,
    peakBytes: large.peakRssBytes,
    peakKind: "rss",
    targets: [],
    details: {restarts: "default (configuration)"},
  };
  return {
    bench: "whatif",
    measurements: [recompute, steady, retrain],
    notes: ["the recompute classifies two quarters (for the migration preview), assigns clusters in the later one and builds the cluster × tier and migration tables; parts are timed warm"],
  };
}
