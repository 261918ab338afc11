// The shape every benchmark returns, and the helpers that fill it. A target is
// reported PASS or MISS and never fails the run: benchmarks inform, unit tests
// decide (no timed assertions anywhere).

export interface Target {
  /** What is compared, e.g. "time < 60 s". */
  label: string;
  pass: boolean;
}

export interface Measurement {
  /** Short case name, e.g. "pipeline 10M" or "fit 50k + assign 1M". */
  name: string;
  seconds: number;
  /** Peak RSS of the child process that ran it (bytes); for pages, the page's JS heap. */
  peakBytes?: number;
  peakKind?: "rss" | "js-heap";
  /** The baseline measured in the same run, and this case's time divided by it. */
  baseline?: {name: string; seconds: number; peakBytes?: number};
  ratio?: number;
  targets: Target[];
  /** Anything else worth keeping in results.json (row counts, stage times, SSE …). */
  details?: Record<string, unknown>;
}

export interface BenchResult {
  bench: string;
  measurements: Measurement[];
  /** Why a bench did not run (e.g. no dist/), instead of measurements. */
  skipped?: string;
  notes?: string[];
  /** 1-minute load average before and after the bench: other work on the machine inflates every time. */
  loadAverage?: {before: number; after: number};
}

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

export function target(label: string, pass: boolean): Target {
  return {label, pass};
}

/** Baseline and ratio fields for `measurement`, from a baseline timed in the same run. */
export function against(seconds: number, baseline: {name: string; seconds: number; peakBytes?: number}): Pick<Measurement, "baseline" | "ratio"> {
  return {baseline, ratio: baseline.seconds > 0 ? seconds / baseline.seconds : undefined};
}

export function formatSeconds(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return "—";
  if (seconds < 1) return `${(seconds * 1000).toFixed(seconds < 0.01 ? 2 : 1)} ms`;
  if (seconds < 120) return `${seconds.toFixed(2)} s`;
  const whole = Math.round(seconds); // round first: 1019.6 s is 17 min 00 s, not 16 min 60 s
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return "—";
  if (bytes >= GiB) return `${(bytes / GiB).toFixed(2)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(0)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}

export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? "—" : `${ratio.toFixed(ratio < 10 ? 2 : 1)}×`;
}
