// What a job prints as its last stdout line: its own timings and its peak RSS,
// one JSON object, which the runner parses (bench/child.ts).

export function reportResult(result: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify({...result, maxRssKb: process.resourceUsage().maxRSS}) + "\n");
}

/** Seconds taken by `run`, and its value. */
export function timed<T>(run: () => T): {seconds: number; value: T} {
  const started = performance.now();
  const value = run();
  return {seconds: (performance.now() - started) / 1000, value};
}

export async function timedAsync<T>(run: () => Promise<T>): Promise<{seconds: number; value: T}> {
  const started = performance.now();
  const value = await run();
  return {seconds: (performance.now() - started) / 1000, value};
}
