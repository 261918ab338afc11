// Child job: generates a demo bank for the pipeline benchmark.
//   tsx bench/jobs/generateBank.ts '<DemoBankOptions as JSON>'
// Not part of the pipeline's time: a bank delivers its extract, it does not make one.

import {generateDemoBank, type DemoBankOptions} from "../../loaders/demo/generate.js";
import {reportResult, timedAsync} from "./report.js";

const options: DemoBankOptions = JSON.parse(process.argv[2] ?? "{}");
if (!options.outDir) throw new Error("invalid options: outDir is missing");
let lastPhase = "";
const {seconds, value} = await timedAsync(() =>
  generateDemoBank({
    ...options,
    onProgress: ({phase}) => {
      if (phase !== lastPhase) process.stderr.write(`demo bank: ${(lastPhase = phase)}\n`);
    },
  })
);
reportResult({seconds, rows: value.rows});
