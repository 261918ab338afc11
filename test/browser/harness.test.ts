// The offline check must be able to fail: a page that reaches for a CDN, or
// logs an error, is caught by the same harness that checks the built site.

import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdtempSync, writeFileSync, rmSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {chromiumAvailable, chromiumMissing, launchOffline, watchPage} from "../../loaders/browser/chromium.js";
import {serveStatic} from "../../loaders/browser/staticServer.js";

const available = chromiumAvailable();
if (!available) console.warn(`browser tests skipped: ${chromiumMissing}`);

describe.skipIf(!available)("the offline browser harness", () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let chromium: Awaited<ReturnType<typeof launchOffline>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "seg-harness-"));
    writeFileSync(
      path.join(dir, "outside.html"),
      `<!doctype html><link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">
       <script src="https://cdn.jsdelivr.net/npm/d3@7"></script><p>hello</p>`
    );
    writeFileSync(path.join(dir, "local.html"), `<!doctype html><p>hello</p><script src="/local.js"></script>`);
    writeFileSync(path.join(dir, "local.js"), `document.body.dataset.ok = "yes";`);
    writeFileSync(path.join(dir, "broken.html"), `<!doctype html><script>console.error("boom"); undefinedFunction();</script>`);
    server = await serveStatic(dir);
    chromium = await launchOffline();
  });

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    rmSync(dir, {recursive: true, force: true});
  });

  it("records and blocks requests to outside hosts", async () => {
    const page = await chromium.browser.newPage();
    const problems = await watchPage(page, server.url);
    await page.goto(`${server.url}/outside.html`, {waitUntil: "load"});
    expect(problems.outsideRequests).toEqual(
      expect.arrayContaining([expect.stringContaining("fonts.googleapis.com"), expect.stringContaining("cdn.jsdelivr.net")])
    );
    await page.close();
  });

  it("lets local requests through and records nothing", async () => {
    const page = await chromium.browser.newPage();
    const problems = await watchPage(page, server.url);
    await page.goto(`${server.url}/local.html`, {waitUntil: "load"});
    expect(await page.evaluate(() => document.body.dataset.ok)).toBe("yes");
    expect(problems).toEqual({outsideRequests: [], consoleErrors: [], pageErrors: []});
    await page.close();
  });

  it("collects console errors and uncaught page errors", async () => {
    const page = await chromium.browser.newPage();
    const problems = await watchPage(page, server.url);
    await page.goto(`${server.url}/broken.html`, {waitUntil: "load"});
    expect(problems.consoleErrors).toContain("boom");
    expect(problems.pageErrors.join("\n")).toMatch(/undefinedFunction/);
    await page.close();
  });
});
