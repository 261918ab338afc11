// `npm run dev` shows a configuration change in the open page without a
// restart: the preview runs on a copy of the default configuration, the test
// lowers the Gold threshold in that copy, and the VIP tile of the open
// overview page must change by itself.

import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {spawn, type ChildProcess} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createServer} from "node:net";
import os from "node:os";
import path from "node:path";
import {repoRoot} from "../../loaders/pipeline/run.js";
import {chromiumAvailable, chromiumMissing, launchOffline, watchPage} from "../../loaders/browser/chromium.js";

const available = chromiumAvailable();
if (!available) console.warn(`live preview test skipped: ${chromiumMissing}`);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`preview did not start at ${url}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describe.skipIf(!available)("the live preview", () => {
  let dir: string;
  let configPath: string;
  let dev: ChildProcess;
  let url: string;
  let chromium: Awaited<ReturnType<typeof launchOffline>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "seg-live-"));
    configPath = path.join(dir, "config.yaml");
    // The copy lives elsewhere, so its extract folder must be absolute.
    const yaml = readFileSync(path.join(repoRoot, "data/config.default.yaml"), "utf8").replace(
      "dir: demo/extract",
      `dir: ${path.join(repoRoot, "data/demo/extract")}`
    );
    writeFileSync(configPath, yaml);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    dev = spawn(path.join(repoRoot, "node_modules/.bin/tsx"), ["loaders/cli/dev.ts", "--port", String(port)], {
      cwd: repoRoot,
      env: {...process.env, SEG_CONFIG: configPath, SEG_WORK_DIR: path.join(dir, "work")},
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    });
    await waitFor(url, 600_000);
    chromium = await launchOffline();
  }, 900_000);

  afterAll(async () => {
    await chromium?.close();
    if (dev?.pid) process.kill(-dev.pid, "SIGTERM");
    rmSync(dir, {recursive: true, force: true});
  });

  it("updates the open page when the configuration changes", async () => {
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page, url);
    await page.goto(url, {waitUntil: "networkidle"});
    const vip = page.locator(".kpi-tile").nth(2).locator(".kpi-value");
    const before = await vip.textContent();
    expect(before).toMatch(/\d/);

    // Gold from 200,000 down to 150,000: more clients are VIP.
    const yaml = readFileSync(configPath, "utf8");
    writeFileSync(configPath, yaml.replace("when: {feature: avg_daily_aum, op: \">=\", value: 200000}", "when: {feature: avg_daily_aum, op: \">=\", value: 150000}"));

    await page.waitForFunction((old) => document.querySelectorAll(".kpi-tile .kpi-value")[2]?.textContent !== old, before, {timeout: 600_000, polling: 1000});
    const after = await vip.textContent();
    expect(Number(after!.replace(/\D/g, ""))).toBeGreaterThan(Number(before!.replace(/\D/g, "")));
    expect(problems.outsideRequests).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  }, 900_000);

  it("recomputes the Explore page's what-if in the browser on the local sample", async () => {
    const context = await chromium.browser.newContext();
    const page = await context.newPage();
    const problems = await watchPage(page, url);
    await page.goto(`${url}/explore`, {waitUntil: "networkidle"});
    // The sample is local (not a published build), so the page recomputes and says how long it took.
    await page.waitForFunction(() => /毫秒|ms/.test(document.querySelector(".muted")?.textContent ?? ""), null, {timeout: 120_000});
    const tables = await page.$$eval("table", (nodes) => nodes.length);
    expect(tables).toBeGreaterThanOrEqual(1);
    // clusters come from the model the pipeline trained, not one retrained in the page
    expect(await page.textContent("main")).toMatch(/流水线训练的模型|the model the pipeline trained/);
    // the RFM bins slider moves the RFM segment table (it used to change nothing visible)
    const rfmTable = () => page.$$eval("table", (nodes) => nodes.map((n) => n.textContent ?? "").find((t) => /冠军|Champions|重要价值客户/.test(t)) ?? "");
    const before = await rfmTable();
    expect(before).not.toBe("");
    await page.$$eval("label", (labels) => {
      const bins = labels.find((l) => /RFM/.test(l.textContent ?? ""))!.parentElement!.querySelector("input[type=range]") as HTMLInputElement;
      bins.value = "3";
      bins.dispatchEvent(new Event("input", {bubbles: true}));
    });
    await page.waitForFunction((old) => {
      const text = [...document.querySelectorAll("table")].map((n) => n.textContent ?? "").find((t) => /冠军|Champions|重要价值客户/.test(t));
      return text !== undefined && text !== old;
    }, before, {timeout: 120_000});
    expect(await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent))).toEqual([]);
    expect(problems).toEqual({outsideRequests: [], consoleErrors: [], pageErrors: []});
    await context.close();
  }, 300_000);
});
