// A command that tunes malloc the way the pipeline, build and dev commands do,
// for test/engine/mallocTuning.test.ts. It prints the threshold it runs with,
// then ends as its argument says: `exit <code>` or `signal <name>`.
import {relaunchedWithMallocTuning} from "../../loaders/engine/mallocTuning.js";

if (!(await relaunchedWithMallocTuning())) {
  process.stdout.write(`pid ${process.pid} threshold ${process.env.MALLOC_MMAP_THRESHOLD_ ?? "unset"}\n`);
  const [how, value] = process.argv.slice(2);
  if (how === "signal") process.kill(process.pid, value as NodeJS.Signals);
  else process.exitCode = Number(value);
}
