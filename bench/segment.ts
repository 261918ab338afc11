// Benchmark 2: k-means and the rule engine at a million clients, each job in
// its own child process (bench/jobs/segment*.ts) so that peak RSS is per job.
//
// - fit 50k + assign 1M: fitClusters on the default 50,000-client sample, then
//   assignClusters for all 1,000,000 synthetic clients (targets < 60 s, < 2 GiB);
// - its baseline: k-means trained on all 1,000,000, best of 10 restarts; the
//   sample model's SSE on all clients must be within 1% of that model's;
// - classifyMany (default retail tiers) on 2,000,000 records, rfmScores on 1,000,000.

import path from "node:path";
import {benchOut, runTsJob} from "./child.js";
import {against, GiB, target, type BenchResult, type Measurement} from "./results.js";

export interface SegmentBenchOptions {
  clients?: number;
  tierRecords?: number;
  rfmRecords?: number;
  fullRestarts?: number;
  log?: (line: string) => void;
}

export async function segmentBench({clients = 1_000_000, tierRecords = 2_000_000, rfmRecords = 1_000_000, fullRestarts = 10, log = () => {}}: SegmentBenchOptions = {}): Promise<BenchResult> {
  const modelFile = path.join(benchOut, "segment-sample-model.json");
  const millions = (n: number) => `${n / 1e6}M`;

  log(`segment: fitClusters (default sample) + assignClusters on ${millions(clients)} clients`);
  const sample = await runTsJob("bench/jobs/segmentSample.ts", [String(clients), modelFile]);
  log(`segment: baseline, k-means on all ${millions(clients)} clients, best of ${fullRestarts} restarts`);
  const full = await runTsJob("bench/jobs/segmentFull.ts", [String(clients), modelFile, String(fullRestarts)]);
  log(`segment: classifyMany on ${millions(tierRecords)} records, rfmScores on ${millions(rfmRecords)}`);
  const rules = await runTsJob("bench/jobs/segmentRules.ts", [String(tierRecords), String(rfmRecords)]);

  const s = sample.result!;
  const f = full.result!;
  const r = rules.result!;
  const sseGap = f.sseGap as number;
  const kmeans: Measurement = {
    name: `fit ${Number(s.sampleSize) / 1000}k + assign ${millions(clients)}`,
    seconds: s.seconds as number,
    peakBytes: sample.peakRssBytes,
    peakKind: "rss",
    ...against(s.seconds as number, {name: `k-means on all ${millions(clients)}, ${fullRestarts} restarts`, seconds: f.seconds as number, peakBytes: full.peakRssBytes}),
    targets: [
      target("time < 60 s", (s.seconds as number) < 60),
      target("peak RSS < 2 GiB", (sample.peakRssBytes ?? Infinity) < 2 * GiB),
      target("SSE within 1% of full-data model", sseGap <= 0.01),
    ],
    details: {
      fitSeconds: s.fitSeconds,
      assignSeconds: s.assignSeconds,
      sizes: s.sizes,
      dataOnlyPeakRssBytes: (s.dataMaxRssKb as number) * 1024,
      sseSampleModel: f.sseSample,
      sseFullModel: f.sseFull,
      sseGap,
      fullRestartSse: f.restartSse,
      speedupOverFullData: (f.seconds as number) / (s.seconds as number),
    },
  };
  const classify: Measurement = {
    name: `classifyMany ${millions(tierRecords)}`,
    seconds: r.classifyManySeconds as number,
    peakBytes: rules.peakRssBytes,
    peakKind: "rss",
    targets: [],
    details: {classifications: r.classifications, retailTierSizes: r.retailTierSizes, recordsPerSecond: tierRecords / (r.classifyManySeconds as number)},
  };
  const rfm: Measurement = {
    name: `rfmScores ${millions(rfmRecords)}`,
    seconds: r.rfmSeconds as number,
    peakBytes: rules.peakRssBytes,
    peakKind: "rss",
    targets: [],
    details: {recordsPerSecond: rfmRecords / (r.rfmSeconds as number)},
  };
  return {
    bench: "segment",
    measurements: [kmeans, classify, rfm],
    notes: [
      "peak RSS includes the synthetic records themselves (as the pipeline holds a quarter's records); dataOnlyPeakRssBytes is the job's peak before k-means started",
      "classifyMany and rfmScores run in one child: their peak RSS is shared (2M records in memory)",
    ],
  };
}
