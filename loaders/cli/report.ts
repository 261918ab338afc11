// npm run report -- --quarter 2025Q4 [--locale zh-CN|en] [--out reports/2025Q4.zh-CN.pdf]
//
// The quarterly segment-migration report for leadership, as an A4 PDF printed
// from the built site's report page (dist/ is built first when the page is
// missing). Offline like the site: any outside request, console error or
// failed cell stops it, and no PDF is written.

import path from "node:path";
import {stat} from "node:fs/promises";
import {locales, defaultLocale, type Locale} from "../../src/components/locale.js";
import {repoRoot} from "../pipeline/run.js";
import {chromiumAvailable, chromiumMissing} from "../browser/chromium.js";
import {checkQuarter, currentRun} from "../report/reportQuarters.js";
import {ensureReportPage, reportPagePath} from "../report/ensureSite.js";
import {printReport} from "../report/printReport.js";
import {main, parseArgs} from "./args.js";

const quarterShape = /^\d{4}Q[1-4]$/;

main(async () => {
  const args = parseArgs(process.argv.slice(2));
  for (const name of Object.keys(args)) if (!["quarter", "locale", "out"].includes(name)) throw new Error(`invalid option: --${name}`);
  const quarter = args.quarter;
  if (typeof quarter !== "string") throw new Error("missing --quarter (e.g. --quarter 2025Q4)");
  if (!quarterShape.test(quarter)) throw new Error(`invalid quarter: ${quarter} (expected e.g. 2025Q4)`);
  const locale = (args.locale ?? defaultLocale) as Locale;
  if (!locales.includes(locale)) throw new Error(`invalid locale: ${locale} (expected ${locales.join(" or ")})`);
  const out = path.resolve(typeof args.out === "string" ? args.out : path.join(repoRoot, "reports", `${quarter}.${locale}.pdf`));
  if (!chromiumAvailable()) throw new Error(chromiumMissing);

  // Refuse an unknown quarter before spending minutes on a build.
  const known = await currentRun();
  if (known) checkQuarter(quarter, known.quarters);
  const dist = path.join(repoRoot, "dist");
  const log = (message: string) => process.stderr.write(`[report] ${message}\n`);
  await ensureReportPage(quarter, {dist, onProgress: log});
  const run = await currentRun();
  checkQuarter(quarter, run?.quarters ?? []);
  if (!(await stat(reportPagePath(dist, quarter)).catch(() => null))) throw new Error(`dist/reports/${quarter}.html is missing after the build`);

  log(`printing /reports/${quarter} (${locale})`);
  await printReport({dist, quarter, locale, out});
  const {size} = await stat(out);
  process.stdout.write(`${path.relative(process.cwd(), out) || out} (${Math.round(size / 1024)} kB)\n`);
});
