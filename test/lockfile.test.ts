// Issue 16: analysts install on Windows first, then macOS. package-lock.json
// must carry the native packages those laptops need (DuckDB's bindings,
// rollup's and esbuild's binaries), or npm installs them from whatever the
// registry serves that day and rewrites the lockfile; a fresh clone's
// `npm install` on Linux must leave it as committed (.ci/run checks that).
import {readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";

interface LockEntry {
  version?: string;
  integrity?: string;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
}
type Lock = {packages: Record<string, LockEntry>};

const repoRoot = path.resolve(import.meta.dirname, "..");
const lock: Lock = JSON.parse(readFileSync(path.join(repoRoot, "package-lock.json"), "utf8"));

/** The packages whose native binaries come as optional per-platform packages, and the binary each laptop loads. */
const laptops = ["win32-x64", "darwin-arm64", "darwin-x64", "linux-x64"] as const; // linux-x64: this machine and CI
type Laptop = (typeof laptops)[number];
// rollup loads the MSVC build on Windows and the glibc one on Debian.
const rollupBuild: Record<Laptop, string> = {"win32-x64": "win32-x64-msvc", "darwin-arm64": "darwin-arm64", "darwin-x64": "darwin-x64", "linux-x64": "linux-x64-gnu"};
const nativeHosts: Record<string, (laptop: Laptop) => string> = {
  "@duckdb/node-bindings": (laptop) => `@duckdb/node-bindings-${laptop}`,
  rollup: (laptop) => `@rollup/rollup-${rollupBuild[laptop]}`,
  esbuild: (laptop) => `@esbuild/${laptop}`,
};

/** The entry `name` resolves to from the package at `from`, as Node resolves it: nearest node_modules first. */
function resolveFrom(packages: Lock["packages"], from: string, name: string): [string, LockEntry] | undefined {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf("/node_modules/")))) {
    const key = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (packages[key]) return [key, packages[key]];
    if (!dir) return undefined;
  }
}

/** Exact versions, `~x.y.z` and `^x.y.z` (major ≥ 1): the forms these packages use for their binaries. */
function satisfies(version: string, spec: string): boolean {
  const match = /^([~^])(\d+)\.(\d+)\.(\d+)$/.exec(spec);
  if (!match) return version === spec;
  const [major, minor, patch] = version.split(/[.-]/).map(Number);
  const [wantMajor, wantMinor, wantPatch] = match.slice(2).map(Number);
  if (major !== wantMajor) return false;
  if (match[1] === "~") return minor === wantMinor && patch >= wantPatch;
  return minor > wantMinor || (minor === wantMinor && patch >= wantPatch);
}

/** What the lockfile lacks for the laptops, one sentence per gap; empty when it carries everything. */
function missingNativePackages({packages}: Lock): string[] {
  const problems: string[] = [];
  for (const [host, binaryFor] of Object.entries(nativeHosts)) {
    const copies = Object.keys(packages).filter((key) => key === `node_modules/${host}` || key.endsWith(`/node_modules/${host}`));
    if (!copies.length) problems.push(`${host}: not in the lockfile`);
    for (const copy of copies) {
      const optional = Object.entries(packages[copy].optionalDependencies ?? {});
      const complete = new Set(
        optional.flatMap(([name, version]) => {
          const found = resolveFrom(packages, copy, name);
          if (!found) problems.push(`${copy}: ${name} is missing`);
          else if (!satisfies(found[1].version ?? "", version)) problems.push(`${copy}: ${name} resolves to ${found[0]} ${found[1].version}, not ${version}`);
          else if (!found[1].integrity) problems.push(`${copy}: ${found[0]} has no integrity`);
          else return [name];
          return [];
        })
      );
      for (const laptop of laptops) {
        if (!complete.has(binaryFor(laptop))) problems.push(`${copy}: no ${binaryFor(laptop)} for ${laptop}`);
      }
    }
  }
  return problems;
}

const without = (key: string): Lock => ({packages: Object.fromEntries(Object.entries(lock.packages).filter(([k]) => k !== key))});

describe("package-lock.json", () => {
  it("carries DuckDB's, rollup's and esbuild's binaries for Windows x64, macOS arm64 and x64, and Linux x64", () => {
    expect(missingNativePackages(lock)).toEqual([]);
  });
  it("checks every copy of a host: tsx has an esbuild of its own", () => {
    const copies = Object.keys(lock.packages).filter((key) => key.endsWith("node_modules/esbuild"));
    expect(copies.length).toBeGreaterThanOrEqual(1);
    for (const copy of copies) expect(Object.keys(lock.packages[copy].optionalDependencies ?? {})).toContain("@esbuild/win32-x64");
  });
  it("names the binary a laptop would miss", () => {
    expect(missingNativePackages(without("node_modules/@duckdb/node-bindings-darwin-arm64"))).toEqual([
      "node_modules/@duckdb/node-bindings: @duckdb/node-bindings-darwin-arm64 is missing",
      "node_modules/@duckdb/node-bindings: no @duckdb/node-bindings-darwin-arm64 for darwin-arm64",
    ]);
    expect(missingNativePackages(without("node_modules/@rollup/rollup-win32-x64-msvc"))).toContain(
      "node_modules/rollup: no @rollup/rollup-win32-x64-msvc for win32-x64"
    );
  });
  it("does not take a hoisted binary of another version for a nested copy's", () => {
    const nested = Object.keys(lock.packages).find((key) => key.endsWith("/node_modules/@esbuild/win32-x64"));
    if (!nested) return; // every esbuild is the same version: nothing nested to lose
    const problems = missingNativePackages(without(nested));
    expect(problems.some((p) => p.includes("@esbuild/win32-x64 resolves to node_modules/@esbuild/win32-x64"))).toBe(true);
    expect(problems.some((p) => p.endsWith("no @esbuild/win32-x64 for win32-x64"))).toBe(true);
  });
  it("wants integrity hashes, so that npm need not fetch and rewrite them", () => {
    const key = "node_modules/@esbuild/darwin-x64";
    const stripped: Lock = {packages: {...lock.packages, [key]: {...lock.packages[key], integrity: undefined}}};
    expect(missingNativePackages(stripped)).toContain(`node_modules/esbuild: ${key} has no integrity`);
  });
});
