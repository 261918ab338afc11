// The notebook template in the published build: built (so analysts can copy a
// working page), rendered without errors, and carrying no client-level rows —
// the "not published" note instead.

import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import {repoRoot} from "../../loaders/pipeline/run.js";
import {chromiumAvailable, chromiumMissing, launchOffline, renderWholePage, watchPage} from "../../loaders/browser/chromium.js";
import {serveStatic} from "../../loaders/browser/staticServer.js";

const dist = path.join(repoRoot, "dist");
const available = chromiumAvailable();
if (!available) console.warn(`notebook browser tests skipped: ${chromiumMissing}`);

describe("the notebook template in the published build", () => {
  beforeAll(() => {
    if (!existsSync(path.join(dist, "notebooks", "template.html"))) execFileSync("npm", ["run", "build"], {cwd: repoRoot, stdio: "inherit"});
  }, 900_000);

  it("ships the sample loader's refusal, never client rows", () => {
    const folder = path.join(dist, "_file", "notebooks", "data");
    const files = readdirSync(folder).filter((f) => /^sample\..*\.json$/.test(f));
    expect(files).toHaveLength(1);
    const text = readFileSync(path.join(folder, files[0]), "utf8");
    expect(JSON.parse(text).sample).toEqual({available: false, reason: expect.stringContaining("SEG_LOCAL=1")});
    expect(text).not.toContain("client_pid");
  });

  describe.skipIf(!available)("in Chromium, offline", () => {
    let server: Awaited<ReturnType<typeof serveStatic>>;
    let chromium: Awaited<ReturnType<typeof launchOffline>>;
    beforeAll(async () => {
      server = await serveStatic(dist);
      chromium = await launchOffline();
    });
    afterAll(async () => {
      await chromium?.close();
      await server?.close();
    });

    it("renders with the not-published note, no error and no outside request", async () => {
      const tab = await chromium.browser.newPage();
      const problems = await watchPage(tab, server.url);
      await tab.goto(`${server.url}/notebooks/template`, {waitUntil: "networkidle"});
      await renderWholePage(tab);
      const errors = await tab.$$eval(".observablehq--error", (nodes) => nodes.map((n) => n.textContent));
      expect({...problems, errors}).toEqual({outsideRequests: [], consoleErrors: [], pageErrors: [], errors: []});
      expect(await tab.textContent(".notebook-unpublished")).toContain("Notebook data is not published");
      await tab.close();
    }, 120_000);
  });
});
