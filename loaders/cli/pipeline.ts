// npm run pipeline -- [--config file.yaml] [--force] [--memory-limit 3GB] [--on-disk | --in-memory] [--engine duckdb|postgres]
// Extract → validate → anonymise → features → segments → site data, outside
// the site. Progress on stderr; nothing partial is left behind on failure.

import {readFile} from "node:fs/promises";
import path from "node:path";
import {runPipeline, repoRoot} from "../pipeline/run.js";
import {main, parseArgs} from "./args.js";
import {engineKind} from "../engine/engine.js";
import {relaunchedWithMallocTuning} from "../engine/mallocTuning.js";

// SEG_PEAK_RSS=1 adds the process's peak resident memory so far to every
// progress line: which step sets the peak (DuckDB and Node share the process).
const peak = () => (process.env.SEG_PEAK_RSS ? ` [peak RSS ${(process.resourceUsage().maxRSS / 1024 ** 2).toFixed(2)} GiB]` : "");

main(async () => {
  if (await relaunchedWithMallocTuning()) return;
  const args = parseArgs(process.argv.slice(2), {booleans: ["force", "on-disk", "in-memory"]});
  const started = Date.now();
  const result = await runPipeline({
    configPath: typeof args.config === "string" ? args.config : undefined,
    force: args.force === true,
    memoryLimit: typeof args["memory-limit"] === "string" ? args["memory-limit"] : undefined,
    onDisk: args["on-disk"] === true ? true : args["in-memory"] === true ? false : undefined,
    engine: typeof args.engine === "string" ? engineKind(args.engine) : undefined,
    onProgress: (m) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${m}${peak()}\n`),
  });
  const manifest: {table: string; read: number; accepted: number; quarantined: number}[] = JSON.parse(
    await readFile(path.join(result.dir, "manifest.json"), "utf8")
  );
  const out = path.relative(repoRoot, result.dir);
  process.stdout.write(`outputs: ${out} (configuration ${result.configHash}${result.reused ? ", reused" : ""})\n`);
  for (const t of manifest) process.stdout.write(`  ${t.table.padEnd(18)} read ${t.read}  accepted ${t.accepted}  quarantined ${t.quarantined}\n`);
  process.stdout.write(`  anonymised extract: ${out}/anonymised/clients.parquet, ${out}/features.parquet\n`);
});
