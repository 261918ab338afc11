// Issue 18's three-way comparison: its PASS/MISS lines on the targets'
// boundaries, the peer's stage times, and why the peer is skipped.
import {mkdtempSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {peerSetup, peerStages} from "../../bench/peer.js";
import {GiB, type BenchResult} from "../../bench/results.js";
import {largeScaleStanding, pipelineTargets} from "../../bench/threeWay.js";

const verdicts = (targets: {label: string; pass: boolean}[]) => targets.map((t) => `${t.pass ? "PASS" : "MISS"} ${t.label}`);

describe("pipelineTargets", () => {
  it("10 M bank: ≤ 3× the floor, ≥ 5× faster than pandas, peak ≤ 2 GiB, each met exactly on its line", () => {
    expect(verdicts(pipelineTargets("10m", {seconds: 15, floorRatio: 3, peakBytes: 2 * GiB, peerSeconds: 75}))).toEqual([
      "PASS ≤ 3× floor",
      "PASS ≥ 5× faster than pandas + scikit-learn (5.00×)",
      "PASS peak ≤ 2.00 GiB",
    ]);
  });
  it("10 M bank: just over each line is a MISS (the issue's own first figures)", () => {
    expect(verdicts(pipelineTargets("10m", {seconds: 64.1, floorRatio: 12.4, peakBytes: 2.03 * GiB, peerSeconds: 82.1}))).toEqual([
      "MISS ≤ 3× floor",
      "MISS ≥ 5× faster than pandas + scikit-learn (1.28×)",
      "MISS peak ≤ 2.00 GiB",
    ]);
    expect(pipelineTargets("10m", {seconds: 15.01, floorRatio: 3.001, peakBytes: 2 * GiB + 1, peerSeconds: 75}).map((t) => t.pass)).toEqual([false, false, false]);
  });
  it("demo bank: strictly faster than pandas", () => {
    expect(verdicts(pipelineTargets("demo", {seconds: 16.2, peerSeconds: 12.2}))).toEqual(["MISS faster than pandas + scikit-learn (0.75×)"]);
    expect(pipelineTargets("demo", {seconds: 12.2, peerSeconds: 12.2})[0].pass).toBe(false);
    expect(pipelineTargets("demo", {seconds: 10, peerSeconds: 12.2})[0].pass).toBe(true);
  });
  it("a skipped peer is a MISS, never a PASS", () => {
    expect(verdicts(pipelineTargets("demo", {seconds: 10}))).toEqual(["MISS faster than pandas + scikit-learn (—)"]);
  });
});

describe("largeScaleStanding", () => {
  const result = (seconds: number, peakBytes: number): BenchResult => ({
    bench: "pipeline",
    measurements: [
      {name: "pipeline 100m through features", seconds: seconds / 2, targets: []},
      {name: "pipeline 100m (106.6 M txns)", seconds, peakBytes, targets: [], details: {coreBaselineSeconds: 113}},
    ],
  });
  it("judges the pipeline benchmark's own 100 M run: ≤ 8 min and ≤ 4 GiB, with its ratio to the floor", () => {
    const [m] = largeScaleStanding(result(8 * 60, 4 * GiB)).measurements;
    expect(verdicts(m.targets)).toEqual(["PASS ≤ 8 min 00 s", "PASS peak ≤ 4.00 GiB"]);
    expect(m.ratio).toBeCloseTo(480 / 113, 9);
    const [slow] = largeScaleStanding(result(17 * 60, 3.72 * GiB)).measurements;
    expect(verdicts(slow.targets)).toEqual(["MISS ≤ 8 min 00 s", "PASS peak ≤ 4.00 GiB"]);
  });
  it("says why the peer does not run there", () => {
    expect(largeScaleStanding(result(600, GiB)).notes?.[0]).toMatch(/not run at 100 M/);
  });
});

describe("peerStages", () => {
  // The peer prints each line as a stage ends, seconds since its imports.
  const stderr = ["[    9.2s] read", "[   13.1s] features", "note: something", "[   13.4s] tiers+rfm", "[   14.7s] kmeans", "[   15.1s] migration", "[   16.8s] write"];
  it("times each stage from the line before it, and the start-up from the wall time", () => {
    expect(peerStages(stderr, 18.1)).toEqual([
      {stage: "startup", seconds: 1.3},
      {stage: "read", seconds: 9.2},
      {stage: "features", seconds: 3.9},
      {stage: "tiers+rfm", seconds: 0.3},
      {stage: "kmeans", seconds: 1.3},
      {stage: "migration", seconds: 0.4},
      {stage: "write", seconds: 1.7},
    ]);
  });
  it("has no stages when the peer printed none", () => {
    expect(peerStages(["Traceback (most recent call last):"], 2)).toEqual([]);
  });
});

describe("peerSetup", () => {
  it("says which file is missing and how to point at another", () => {
    const noScript = peerSetup({env: {SEG_PEER_SCRIPT: "/nonexistent/peer.py"}});
    expect(noScript).toEqual({available: false, why: "the reference script is missing (/nonexistent/peer.py; set SEG_PEER_SCRIPT)"});
    const noPython = peerSetup({env: {SEG_PEER_SCRIPT: import.meta.filename, SEG_PEER_PYTHON: "/nonexistent/python3"}});
    expect(noPython).toEqual({available: false, why: "/nonexistent/python3 is missing (Debian's Python; or set SEG_PEER_PYTHON)"});
  });
  it.skipIf(process.platform === "win32")("names the Debian package of each module the interpreter lacks", () => {
    // A stand-in interpreter whose probe finds scikit-learn and PyYAML missing.
    const python = path.join(mkdtempSync(path.join(os.tmpdir(), "peer-")), "python3");
    writeFileSync(python, "#!/bin/sh\necho sklearn yaml\n", {mode: 0o755});
    expect(peerSetup({env: {SEG_PEER_SCRIPT: import.meta.filename, SEG_PEER_PYTHON: python}})).toEqual({
      available: false,
      why: `${python} lacks sklearn, yaml (apt-get install python3-sklearn python3-yaml)`,
    });
  });
  it("refuses an interpreter that does not run Python", () => {
    const notPython = peerSetup({env: {SEG_PEER_SCRIPT: import.meta.filename, SEG_PEER_PYTHON: process.execPath}});
    expect(notPython).toMatchObject({available: false, why: expect.stringMatching(/does not run/)});
  });
});
