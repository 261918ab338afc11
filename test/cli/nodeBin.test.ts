// Commands start Framework and tsx as `node <script>`, which works on Windows,
// where node_modules/.bin/<name> is a shell script Node cannot spawn.
import {existsSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {nodeBinCommand, nodeBinScript} from "../../loaders/cli/nodeBin.js";
import siteConfig from "../../observablehq.config.js";

describe("nodeBinScript", () => {
  it("finds the JavaScript entries of observable and tsx, not their .bin shims", () => {
    for (const [pkg, name] of [["@observablehq/framework", "observable"], ["tsx", "tsx"]]) {
      const script = nodeBinScript(pkg, name);
      expect(existsSync(script)).toBe(true);
      expect(script).toMatch(/\.m?js$/);
      expect(script.split(path.sep)).not.toContain(".bin");
    }
  });
  it("runs them with this Node", () => {
    const [file, args] = nodeBinCommand("tsx", "tsx", ["x.ts"]);
    expect(file).toBe(process.execPath);
    expect(args).toEqual([nodeBinScript("tsx"), "x.ts"]);
  });
  it("names the package when it declares no such bin", () => {
    expect(() => nodeBinScript("tsx", "nope")).toThrow("invalid bin: tsx declares no nope");
  });
});

describe("the site's data loaders", () => {
  it("run as node <tsx's script>, not as a command named tsx (tsx.cmd on Windows)", () => {
    expect(siteConfig.interpreters[".ts"]).toEqual([process.execPath, nodeBinScript("tsx")]);
  });
});
