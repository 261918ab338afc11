// The notebook sample is client-level: analysts get a seeded sample of the
// latest quarter locally, and a published build gets a refusal, not rows.

import {describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import path from "node:path";
import {ensurePipeline} from "../../loaders/pipeline/ensure.js";
import {notebookSample} from "../../loaders/publish/notebookSample.js";
import {repoRoot} from "../../loaders/pipeline/run.js";

describe("the notebook client sample", () => {
  it("samples 200 retail clients of the latest quarter, the same ones twice, with last quarter's tier", async () => {
    const {dir, config} = await ensurePipeline({quiet: true});
    const {quarters} = JSON.parse(readFileSync(path.join(dir, "run.json"), "utf8"));
    const a = await notebookSample(dir, config, {quarters, size: 200, publish: false});
    const b = await notebookSample(dir, config, {quarters, size: 200, publish: false});
    if (!a.available || !b.available) throw new Error("expected a sample");
    expect(a.quarter).toBe(quarters.at(-1));
    expect(a.previousQuarter).toBe(quarters.at(-2));
    expect(a.clients).toHaveLength(200);
    expect(a.population).toBeGreaterThan(200);
    expect(b.clients.map((c) => c.client_pid)).toEqual(a.clients.map((c) => c.client_pid));
    for (const c of a.clients) expect(a.tiers).toContain(c.tier);
    expect(a.clients.some((c) => c.previous_tier !== null)).toBe(true);
    expect(a.clients.every((c) => /^P[0-9a-f]+$/.test(c.client_pid))).toBe(true);
  }, 600_000);

  it("refuses in a published build and says why", async () => {
    const {dir, config} = await ensurePipeline({quiet: true});
    const sample = await notebookSample(dir, config, {quarters: ["2025Q4"], size: 10, publish: true});
    expect(sample).toEqual({available: false, reason: expect.stringContaining("SEG_LOCAL=1")});
  }, 600_000);

  it("prints only the refusal from the page's loader outside the local preview", () => {
    const out = execFileSync(path.join(repoRoot, "node_modules", ".bin", "tsx"), ["src/notebooks/data/sample.json.ts"], {cwd: repoRoot, env: {...process.env, SEG_LOCAL: undefined}, encoding: "utf8"});
    const json = JSON.parse(out);
    expect(json.sample.available).toBe(false);
    expect(out).not.toContain("client_pid");
  }, 600_000);
});
