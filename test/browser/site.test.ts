// Every built page, and the report of every quarter, in Chromium, offline, in
// both languages: no request to another host, no console error, no page
// error, no cell that failed to render. Screenshots are kept in
// test-results/screenshots/ as artifacts.

import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import {repoRoot} from "../../loaders/pipeline/run.js";
import {formatCount} from "../../src/components/format.js";
import {chromiumAvailable, chromiumMissing, launchOffline, renderWholePage, watchPage} from "../../loaders/browser/chromium.js";
import {serveStatic} from "../../loaders/browser/staticServer.js";

const dist = path.join(repoRoot, "dist");
const shots = path.join(repoRoot, "test-results", "screenshots");
const available = chromiumAvailable();
if (!available) console.warn(`site browser tests skipped: ${chromiumMissing}`);

function pages(dir: string, prefix = ""): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    if (e.isDirectory()) return e.name.startsWith("_") ? [] : pages(path.join(dir, e.name), `${prefix}${e.name}/`);
    return e.name.endsWith(".html") ? [`${prefix}${e.name.replace(/\.html$/, "")}`] : [];
  });
}

describe.skipIf(!available)("the built site in Chromium, offline", () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let chromium: Awaited<ReturnType<typeof launchOffline>>;
  let list: string[];

  beforeAll(async () => {
    if (!existsSync(path.join(dist, "index.html"))) {
      execFileSync("npm", ["run", "build"], {cwd: repoRoot, stdio: "inherit"});
    }
    list = pages(dist);
    mkdirSync(shots, {recursive: true});
    server = await serveStatic(dist);
    chromium = await launchOffline();
  }, 900_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  async function visit(page: string, locale: "zh-CN" | "en") {
    const context = await chromium.browser.newContext({viewport: {width: 1280, height: 900}, locale});
    await context.addInitScript((value) => localStorage.setItem("seg.locale", value), locale);
    const tab = await context.newPage();
    const problems = await watchPage(tab, server.url);
    await tab.goto(`${server.url}/${page === "index" ? "" : page}`, {waitUntil: "networkidle"});
    // Framework renders cells asynchronously; wait until none is pending.
    // Framework renders cells asynchronously, some only once scrolled into view.
    await renderWholePage(tab);
    const errors = await tab.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent));
    await tab.screenshot({path: path.join(shots, `${page.replaceAll("/", "_")}.${locale}.png`), fullPage: true});
    return {tab, context, problems, errors};
  }

  it("builds every page of the design, a report for every quarter included", () => {
    for (const page of ["index", "segments", "migration", "campaigns", "quality", "methodology", "explore"]) expect(list).toContain(page);
    const run = JSON.parse(readFileSync(path.join(currentOutputsSync(), "run.json"), "utf8"));
    for (const q of run.quarters) expect(list).toContain(`reports/${q}`);
  });

  for (const locale of ["zh-CN", "en"] as const) {
    it(`renders every page in ${locale} with no outside request, console error or failed cell`, async () => {
      for (const page of list) {
        const {problems, errors, context} = await visit(page, locale);
        expect({page, ...problems, errors}).toEqual({page, outsideRequests: [], consoleErrors: [], pageErrors: [], errors: []});
        await context.close();
      }
    }, 600_000);
  }

  it("shows on the overview KPI tiles the numbers the pipeline computed", async () => {
    const overview = JSON.parse(readFileSync(path.join(currentOutputsSync(), "site", "overview.json"), "utf8"));
    const latest = overview.kpis.find((k: {quarter: string}) => k.quarter === overview.meta.asOf);
    const {tab, context} = await visit("index", "zh-CN");
    const text = await tab.$$eval(".kpi-tile, .kpi", (nodes) => nodes.map((n) => n.textContent ?? ""));
    const joined = text.join("\n");
    expect(joined).toContain(formatCount(latest.retailClients, {locale: "zh-CN"}));
    expect(joined).toContain(formatCount(latest.vipClients, {locale: "zh-CN"}));
    expect(joined).toContain(formatCount(latest.corporateClients, {locale: "zh-CN"}));
    await context.close();
  }, 120_000);

  it("shows contribution tiers, deposit bands and the traditional size cut on the segments page, in both languages, with the pipeline's counts", async () => {
    const site = JSON.parse(readFileSync(path.join(currentOutputsSync(), "site", "segments.json"), "utf8"));
    const {labels} = site.meta;
    const latest = site.meta.asOf;
    for (const locale of ["zh-CN", "en"] as const) {
      const {tab, context} = await visit("segments", locale);
      const tables = await tab.$$eval("table", (nodes) => nodes.map((n) => n.innerText));
      const pick = (label: {zh: string; en: string}) => (locale === "en" ? label.en : label.zh);
      for (const id of ["contribution", "deposit_amount_band", "deposit_term_band", "deposit_frequency", "traditional_size"]) {
        const classification = labels.classifications[id];
        const table = tables.find((text) => text.includes(pick(classification.label)));
        expect(table, `${id} in ${locale}`).toBeDefined();
        // every tier by name, with its bank-wide count in the latest quarter (the page opens on it)
        const rows = [...site.retailTiers, ...site.corporateTiers].filter((r) => r.classification === id && r.quarter === latest && r.region === "*");
        for (const [tier, name] of Object.entries(classification.tiers) as [string, {zh: string; en: string}][]) {
          const line = table!.split("\n").find((l) => l.includes(pick(classification.label)) && l.includes(pick(name)));
          expect(line, `${id}.${tier} in ${locale}`).toBeDefined();
          const row = rows.find((r) => r.tier === tier);
          if (row?.clients) expect(line).toContain(formatCount(row.clients, {locale}));
        }
      }
      await context.close();
    }
  }, 240_000);

  it("switches to English and keeps the choice on the next page", async () => {
    const context = await chromium.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${server.url}/`, {waitUntil: "networkidle"});
    await tab.getByRole("button", {name: "English"}).click();
    await tab.waitForFunction(() => document.body.textContent?.includes("Overview"));
    await tab.goto(`${server.url}/segments`, {waitUntil: "networkidle"});
    await renderWholePage(tab);
    expect(await tab.textContent("h1")).toContain("Segments");
    await context.close();
  }, 120_000);
});

function currentOutputsSync(): string {
  const {key} = JSON.parse(readFileSync(path.join(repoRoot, "data", "work", "current.json"), "utf8"));
  return path.join(repoRoot, "data", "work", key);
}
