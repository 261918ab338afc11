// npm run demo-data -- [--out data/demo] [--retail N] [--corporate N]
//   [--quarters Q] [--first 2024Q1] [--txn-per-client-quarter X] [--seed S]
//
// Generates the demo bank (demo data, published demo pseudonymisation key).
// Defaults come from `extract.demo` in data/config.default.yaml.

import {readFileSync} from "node:fs";
import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";
import {parse} from "yaml";
import {demoDefaults, generateDemoBank, type DemoBankOptions} from "../demo/generate.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function configDefaults(): typeof demoDefaults {
  const config = parse(readFileSync(resolve(root, "data/config.default.yaml"), "utf8"));
  return {...demoDefaults, ...(config?.extract?.demo ?? {})};
}

function number(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`invalid --${flag}: ${value}`);
  return n;
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      out: {type: "string"},
      retail: {type: "string"},
      corporate: {type: "string"},
      quarters: {type: "string"},
      first: {type: "string"},
      "txn-per-client-quarter": {type: "string"},
      seed: {type: "string"},
    },
  });
  const defaults = configDefaults();
  const options: DemoBankOptions = {
    outDir: resolve(root, values.out ?? "data/demo"),
    seed: number("seed", values.seed, defaults.seed),
    retailClients: number("retail", values.retail, defaults.retailClients),
    corporateClients: number("corporate", values.corporate, defaults.corporateClients),
    quarters: number("quarters", values.quarters, defaults.quarters),
    firstQuarter: values.first ?? defaults.firstQuarter,
    transactionsPerClientQuarter: number("txn-per-client-quarter", values["txn-per-client-quarter"], defaults.transactionsPerClientQuarter),
    onProgress: ({phase, done, total}) => process.stderr.write(`\rdemo-data: ${phase} ${done}/${total}   `),
  };
  const started = performance.now();
  const summary = await generateDemoBank(options);
  process.stderr.write("\n");
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const rows = Object.entries(summary.rows).map(([t, n]) => `${t} ${n.toLocaleString("en")}`).join(", ");
  console.log(`demo data (published demo key, not real clients): ${summary.outDir} — ${rows} in ${seconds}s`);
}

main().catch((error) => {
  process.stderr.write(`\ndemo-data: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
});
