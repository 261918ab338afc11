// Every real-data example builds into a site, and every page of it renders in
// Chromium offline with no console error and no failed cell, saying plainly
// why a part is empty (one snapshot: no migration; no control group: no ROI).
// Each site is built from an isolated copy of src/ (npm run build -- --isolated)
// so it never shares Framework's cache with the main site.

import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {mkdtempSync, readdirSync, rmSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {chromiumAvailable, chromiumMissing, launchOffline, renderWholePage, watchPage} from "../../loaders/browser/chromium.js";
import {serveStatic} from "../../loaders/browser/staticServer.js";
import {repoRoot} from "../../loaders/pipeline/run.js";
import {examplePresent, testKey} from "./exampleRun.js";

const examples: {name: string; folder: string; emptyBecause: RegExp | null; shows?: Record<string, RegExp>}[] = [
  // the card figures are the bank's own features, shown by name and unit in the cluster profiles
  {name: "bankchurners", folder: "kaggle-bankchurners", emptyBecause: /one quarter|一个季度/, shows: {segments: /Credit limit \(USD\)|信用额度（美元）/}},
  {name: "bank-marketing", folder: "uci-bank-marketing", emptyBecause: /control group|对照组/},
  {name: "online-retail", folder: "uci-online-retail-ii", emptyBecause: null},
  {name: "berka", folder: "berka-pkdd99-partial", emptyBecause: /transactions|交易/},
];

const present = examplePresent("").present;
if (!present) console.warn("real-data example sites skipped: ../shared/realdata is absent");
if (!chromiumAvailable()) console.warn(`real-data example sites skipped: ${chromiumMissing}`);

function pages(dir: string, prefix = ""): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    if (e.isDirectory()) return e.name.startsWith("_") ? [] : pages(path.join(dir, e.name), `${prefix}${e.name}/`);
    return e.name.endsWith(".html") ? [`${prefix}${e.name.replace(/\.html$/, "")}`] : [];
  });
}

describe.skipIf(!present || !chromiumAvailable())("real-data example sites", () => {
  let tmp: string;
  let chromium: Awaited<ReturnType<typeof launchOffline>>;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "seg-example-sites-"));
    chromium = await launchOffline();
  });

  afterAll(async () => {
    await chromium?.close();
    rmSync(tmp, {recursive: true, force: true});
  });

  for (const example of examples) {
    it(`builds the ${example.name} site and renders every page without errors`, async () => {
      expect(examplePresent(example.folder).present).toBe(true);
      const out = path.join(tmp, example.name);
      execFileSync(path.join(repoRoot, "node_modules/.bin/tsx"), ["loaders/cli/build.ts", "--isolated", "--out", out], {
        cwd: repoRoot,
        stdio: ["ignore", "ignore", "inherit"],
        env: {...process.env, SEG_CONFIG: path.join(repoRoot, "data/examples", example.name, "config.yaml"), SEG_WORK_DIR: path.join(tmp, `work-${example.name}`), SEG_PSEUDONYM_KEY: testKey},
      });
      const server = await serveStatic(out);
      let text = "";
      try {
        for (const page of pages(out)) {
          const context = await chromium.browser.newContext();
          const tab = await context.newPage();
          const problems = await watchPage(tab, server.url);
          await tab.goto(`${server.url}/${page === "index" ? "" : page}`, {waitUntil: "networkidle"});
          await renderWholePage(tab);
          const errors = await tab.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent));
          text += await tab.$$eval(".seg-note", (nodes) => nodes.map((n) => n.textContent).join("\n"));
          if (example.shows?.[page]) expect(await tab.textContent("main"), page).toMatch(example.shows[page]);
          expect({page, ...problems, errors}).toEqual({page, outsideRequests: [], consoleErrors: [], pageErrors: [], errors: []});
          await context.close();
        }
      } finally {
        await server.close();
      }
      if (example.emptyBecause) expect(text).toMatch(example.emptyBecause);
    }, 600_000);
  }
});
