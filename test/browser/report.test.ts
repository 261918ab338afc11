// The quarterly report as leadership gets it: `npm run report` for the last
// quarter, in both languages, checked with poppler on the PDF itself (pages,
// text, the Sankey on a page, the configuration hash, size). Page 1 and the
// Sankey page are kept as PNGs in test-results/report/ as artifacts.

import {beforeAll, describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, renameSync, statSync} from "node:fs";
import path from "node:path";
import {repoRoot} from "../../loaders/pipeline/run.js";
import {labels} from "../../src/components/labels.js";
import {chromiumAvailable, chromiumMissing} from "../../loaders/browser/chromium.js";

const artifacts = path.join(repoRoot, "test-results", "report");
const available = chromiumAvailable();
if (!available) console.warn(`report PDF tests skipped: ${chromiumMissing}`);

function currentRun(): {quarters: string[]; configHash: string} {
  const {key} = JSON.parse(readFileSync(path.join(repoRoot, "data", "work", "current.json"), "utf8"));
  return JSON.parse(readFileSync(path.join(repoRoot, "data", "work", key, "run.json"), "utf8"));
}

function pdfPages(file: string): string[] {
  // pdftotext separates pages with a form feed.
  return execFileSync("pdftotext", ["-layout", file, "-"], {encoding: "utf8", maxBuffer: 64 << 20}).split("\f");
}

function pageCount(file: string): number {
  const info = execFileSync("pdfinfo", [file], {encoding: "utf8"});
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

function keepPng(file: string, page: number, name: string): void {
  const prefix = path.join(artifacts, `${name}.tmp`);
  execFileSync("pdftoppm", ["-png", "-r", "50", "-f", String(page), "-l", String(page), "-singlefile", file, prefix]);
  renameSync(`${prefix}.png`, path.join(artifacts, `${name}.png`));
}

describe.skipIf(!available)("npm run report: the quarterly PDF", () => {
  let run: {quarters: string[]; configHash: string};
  let quarter: string;

  beforeAll(() => {
    if (!existsSync(path.join(repoRoot, "data", "work", "current.json"))) execFileSync("npm", ["run", "build"], {cwd: repoRoot, stdio: "inherit"});
    run = currentRun();
    quarter = run.quarters.at(-1)!;
    mkdirSync(artifacts, {recursive: true});
  }, 900_000);

  const summaryWord = {"zh-CN": /净增|净减/, en: /\bnet\b/};

  for (const locale of ["zh-CN", "en"] as const) {
    it(`prints the last quarter in ${locale}: A4, three pages or more, summary, Sankey on a page, config hash`, () => {
      const out = path.join(artifacts, `${quarter}.${locale}.pdf`);
      execFileSync("npm", ["run", "--silent", "report", "--", "--quarter", quarter, "--locale", locale, "--out", out], {cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"], timeout: 900_000});

      expect(statSync(out).size).toBeGreaterThan(10 * 1024);
      expect(execFileSync("pdfinfo", [out], {encoding: "utf8"})).toMatch(/Page size:.*\(A4\)/);
      const count = pageCount(out);
      expect(count).toBeGreaterThanOrEqual(3);
      const pages = pdfPages(out);
      const text = pages.join("\n");
      expect(text).toMatch(summaryWord[locale]);
      expect(text).toContain(run.configHash);

      const sankeyTitle = labels["chart.sankey"][locale];
      const sankeyPage = pages.findIndex((p) => p.includes(sankeyTitle));
      expect(sankeyPage, `"${sankeyTitle}" on some page`).toBeGreaterThan(0);
      // On its own page: the transition matrix that follows it starts on the next one.
      const matrixTitle = labels["chart.transitionMatrix"][locale].split("{")[0].trim();
      expect(pages[sankeyPage]).not.toContain(matrixTitle);

      keepPng(out, 1, `${quarter}.${locale}.page1`);
      keepPng(out, sankeyPage + 1, `${quarter}.${locale}.sankey`);
    }, 900_000);
  }

  it("refuses a quarter that is not in the data, naming the quarters there are", () => {
    let message = "";
    try {
      execFileSync("npm", ["run", "--silent", "report", "--", "--quarter", "1999Q1"], {cwd: repoRoot, encoding: "utf8", stdio: "pipe"});
    } catch (error) {
      message = String((error as {stderr?: string}).stderr);
    }
    expect(message).toContain("invalid quarter: 1999Q1");
    expect(message).toContain(run.quarters[0]);
    expect(existsSync(path.join(repoRoot, "reports", "1999Q1.zh-CN.pdf"))).toBe(false);
  }, 120_000);
});
