// Benchmark 4: every page of the built site (dist/) in Chromium, offline, over
// loopback: time to first render and bytes of data each page loads, against a
// static empty HTML page loaded the same way in the same run.
//
// First render: the page has loaded and no cell in the first screen still shows
// Framework's loading indicator (<observablehq-loading>, or .observablehq--loading),
// read in the page as performance.now(), i.e. ms since navigation started.
// Cells below the fold that wait for visibility() do not count; "all cells"
// (no indicator anywhere) is reported beside it. Data bytes: bodies of responses
// under /_file/, where Framework serves FileAttachments, until network idle.
// Each page is loaded `loads` times in a fresh browser context (empty cache);
// the median is reported.

import {existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import type {Browser} from "playwright-core";
import {chromiumAvailable, chromiumMissing, launchOffline, watchPage} from "../loaders/browser/chromium.js";
import {serveStatic} from "../loaders/browser/staticServer.js";
import {repoRoot} from "./child.js";
import {against, MiB, target, type BenchResult, type Measurement} from "./results.js";

export interface PagesBenchOptions {
  /** The built site; default dist/. */
  dist?: string;
  loads?: number;
  log?: (line: string) => void;
}

const renderTarget = 1.5; // seconds
const dataTarget = 1 * MiB;
const allCellsTimeout = 15_000;

interface PageLoad {
  renderSeconds: number;
  allCellsSeconds: number | undefined;
  stillLoading: number;
  dataBytes: number;
  dataFiles: string[];
  totalBytes: number;
  requests: number;
  jsHeapBytes: number | undefined;
  problems: string[];
}

export async function pagesBench({dist = path.join(repoRoot, "dist"), loads = 3, log = () => {}}: PagesBenchOptions = {}): Promise<BenchResult> {
  if (!existsSync(path.join(dist, "index.html"))) return {bench: "pages", measurements: [], skipped: `${path.relative(repoRoot, dist) || dist}/index.html missing: run npm run build first`};
  if (!chromiumAvailable()) return {bench: "pages", measurements: [], skipped: chromiumMissing};

  const pages = sitePages(dist);
  const emptyDir = mkdtempSync(path.join(os.tmpdir(), "seg-bench-empty-"));
  writeFileSync(path.join(emptyDir, "index.html"), "<!doctype html><meta charset=utf-8><title>empty</title>\n");
  const site = await serveStatic(path.resolve(dist));
  const empty = await serveStatic(emptyDir);
  const chromium = await launchOffline();
  const measurements: Measurement[] = [];
  const notes: string[] = [];
  try {
    // A throw-away load first: Chromium's own start-up is no page's cost.
    await loadPage(chromium.browser, empty.url, "/");
    const baselineLoads = await repeat(loads, () => loadPage(chromium.browser, empty.url, "/"));
    const baseline = {name: "static empty page", seconds: median(baselineLoads.map((l) => l.renderSeconds))};
    log(`pages: baseline (empty page) ${(baseline.seconds * 1000).toFixed(0)} ms; ${pages.length} pages in ${path.relative(repoRoot, dist) || dist}`);
    for (const page of pages) {
      const results = await repeat(loads, () => loadPage(chromium.browser, site.url, page));
      const seconds = median(results.map((l) => l.renderSeconds));
      const last = results.at(-1)!;
      const dataBytes = Math.max(...results.map((l) => l.dataBytes));
      const allCells = results.map((l) => l.allCellsSeconds);
      measurements.push({
        name: `page ${page}`,
        seconds,
        peakBytes: last.jsHeapBytes,
        peakKind: "js-heap",
        ...against(seconds, baseline),
        targets: [target(`first render < ${renderTarget} s`, seconds < renderTarget), target("data ≤ 1 MiB", dataBytes <= dataTarget)],
        details: {
          dataBytes,
          dataFiles: last.dataFiles,
          totalBytes: last.totalBytes,
          requests: last.requests,
          allCellsSeconds: allCells.every((s) => s !== undefined) ? median(allCells as number[]) : undefined,
          stillLoadingAfterTimeout: last.stillLoading,
          renderRuns: results.map((l) => l.renderSeconds),
        },
      });
      if (last.problems.length) notes.push(`${page}: ${last.problems.slice(0, 3).join("; ")}`);
      log(`pages: ${page} ${(seconds * 1000).toFixed(0)} ms, ${(dataBytes / 1024).toFixed(0)} KiB data`);
    }
  } finally {
    await chromium.close();
    await site.close();
    await empty.close();
    rmSync(emptyDir, {recursive: true, force: true});
  }
  return {bench: "pages", measurements, notes};
}

/** Clean URLs of every page in the build: index.html → /, reports/2025Q4.html → /reports/2025Q4. */
export function sitePages(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith("_") || entry.name.startsWith(".")) continue; // _file, _node, _observablehq, _import: assets
      if (entry.isDirectory()) walk(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith(".html") && entry.name !== "404.html") out.push(`/${prefix}${entry.name === "index.html" ? "" : entry.name.slice(0, -5)}`);
    }
  };
  walk(dist, "");
  return out.sort((a, b) => (a === "/" ? -1 : b === "/" ? 1 : a < b ? -1 : 1));
}

async function loadPage(browser: Browser, origin: string, pagePath: string): Promise<PageLoad> {
  const context = await browser.newContext({viewport: {width: 1280, height: 800}});
  try {
    const page = await context.newPage();
    const problems = await watchPage(page, origin);
    const bodies: Promise<void>[] = [];
    const dataFiles: string[] = [];
    let dataBytes = 0;
    let totalBytes = 0;
    let requests = 0;
    page.on("response", (response) => {
      requests++;
      const url = new URL(response.url());
      bodies.push(
        response
          .body()
          .then((body) => {
            totalBytes += body.length;
            if (url.pathname.startsWith("/_file/")) {
              dataBytes += body.length;
              dataFiles.push(`${url.pathname} ${body.length}`);
            }
          })
          .catch(() => {})
      );
    });
    await page.goto(`${origin}${pagePath}`, {waitUntil: "load"});
    const render = await page.waitForFunction(
      () => {
        if (document.readyState !== "complete") return false;
        for (const element of document.querySelectorAll("observablehq-loading, .observablehq--loading")) {
          const box = element.getBoundingClientRect();
          if (box.top < window.innerHeight && box.bottom >= 0) return false;
        }
        return performance.now();
      },
      undefined,
      {polling: "raf", timeout: 30_000}
    );
    const renderMs = (await render.jsonValue()) as number;
    let allCellsMs: number | undefined;
    try {
      const all = await page.waitForFunction(() => (document.querySelector("observablehq-loading, .observablehq--loading") ? false : performance.now()), undefined, {
        polling: "raf",
        timeout: allCellsTimeout,
      });
      allCellsMs = (await all.jsonValue()) as number;
    } catch {
      allCellsMs = undefined; // cells waiting to be scrolled into view, or a cell that never resolves
    }
    await page.waitForLoadState("networkidle", {timeout: 10_000}).catch(() => {});
    await Promise.all(bodies);
    const stillLoading = await page.evaluate(() => document.querySelectorAll("observablehq-loading, .observablehq--loading").length);
    const jsHeapBytes = await page.evaluate(() => (performance as unknown as {memory?: {usedJSHeapSize: number}}).memory?.usedJSHeapSize);
    return {
      renderSeconds: renderMs / 1000,
      allCellsSeconds: allCellsMs === undefined ? undefined : allCellsMs / 1000,
      stillLoading,
      dataBytes,
      dataFiles: dataFiles.sort(),
      totalBytes,
      requests,
      jsHeapBytes,
      problems: [...problems.outsideRequests.map((u) => `outside request ${u}`), ...problems.pageErrors, ...problems.consoleErrors],
    };
  } finally {
    await context.close();
  }
}

async function repeat<T>(times: number, run: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; ++i) out.push(await run());
  return out;
}

function median(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
