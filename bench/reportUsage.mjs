// Preloaded into every Node process of a benchmark job when GNU time is not
// there to measure it (bench/peakMemory.ts): prints this process's peak
// resident set (kB) and CPU time on exit. Plain JavaScript, because it loads
// before tsx does.
import {writeSync} from "node:fs";

process.on("exit", () => {
  const {maxRSS, userCPUTime, systemCPUTime} = process.resourceUsage();
  // writeSync: an exit handler cannot wait for an asynchronous pipe.
  writeSync(2, `[seg-usage] ${process.pid} ${maxRSS} ${((userCPUTime + systemCPUTime) / 1e6).toFixed(3)}\n`);
});
