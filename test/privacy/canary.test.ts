// No direct identifier reaches the anonymised extract or the published site.
// The demo bank plants a canary client with unmistakable values; every output
// file is searched for them, and for every client id, ID number and phone
// number of the raw extract. Parquet is read through DuckDB (its pages are
// compressed, so a byte search would prove nothing).

import {beforeAll, describe, expect, it} from "vitest";
import {execFileSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import path from "node:path";
import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {ensurePipeline} from "../../loaders/pipeline/ensure.js";
import {repoRoot} from "../../loaders/pipeline/run.js";

interface Canary {
  client_id: string;
  name: string;
  id_number: string;
  phone: string;
  address: string;
  employer: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

let outputs: string;
let canaries: Canary[];
const rawIds = new Set<string>();
const rawIdNumbers = new Set<string>();
const rawPhones = new Set<string>();
const rawNames = new Set<string>();

beforeAll(async () => {
  ({dir: outputs} = await ensurePipeline({quiet: true}));
  if (!existsSync(path.join(repoRoot, "dist", "index.html"))) execFileSync("npm", ["run", "build"], {cwd: repoRoot, stdio: "inherit"});
  canaries = JSON.parse(readFileSync(path.join(repoRoot, "data/demo/truths.json"), "utf8")).canaries;
  const engine = await openDuckDb();
  const clients = await engine.all<{client_id: string; name: string | null; id_number: string | null; phone: string | null}>(
    `SELECT client_id, name, id_number, phone FROM read_csv('${path.join(repoRoot, "data/demo/extract/clients.csv")}', all_varchar = true)`
  );
  await engine.close();
  for (const c of clients) {
    rawIds.add(c.client_id);
    if (c.id_number) rawIdNumbers.add(c.id_number);
    if (c.phone) rawPhones.add(c.phone);
    if (c.name && c.name.length >= 3) rawNames.add(c.name);
  }
}, 900_000);

/** The text of a file as a reader of it would see it: Parquet decoded, everything else as UTF-8. */
async function contents(file: string): Promise<string> {
  if (!file.endsWith(".parquet")) return readFileSync(file, "utf8");
  const engine = await openDuckDb();
  try {
    return JSON.stringify(await engine.all(`SELECT * FROM '${file.replaceAll("'", "''")}'`));
  } finally {
    await engine.close();
  }
}

function leaks(text: string): string[] {
  const found: string[] = [];
  for (const c of canaries) for (const value of [c.client_id, c.name, c.id_number, c.phone, c.address, c.employer]) if (text.includes(value)) found.push(value);
  for (const m of text.matchAll(/\d{17}[\dX]/g)) if (rawIdNumbers.has(m[0])) found.push(m[0]);
  for (const m of text.matchAll(/1[3-9]\d{9}/g)) if (rawPhones.has(m[0])) found.push(m[0]);
  for (const m of text.matchAll(/[CE]\d{7,8}/g)) if (rawIds.has(m[0])) found.push(m[0]);
  return found;
}

describe("privacy: planted canaries and every raw identifier stay out of the outputs", () => {
  it("the canary is really in the raw extract (so the search below can fail)", () => {
    const raw = readFileSync(path.join(repoRoot, "data/demo/extract/clients.csv"), "utf8");
    for (const c of canaries) for (const value of [c.client_id, c.name, c.id_number, c.phone]) expect(raw).toContain(value);
    expect(leaks(raw).length).toBeGreaterThan(1000);
  });

  it("no identifier appears in the anonymised extract or any other pipeline output for analysts", async () => {
    const checked: string[] = [];
    for (const file of files(outputs)) {
      if (file.includes(`${path.sep}secure${path.sep}`)) continue; // raw rejected rows: as sensitive as the extract, never handed out
      expect({file, leaks: leaks(await contents(file))}).toEqual({file, leaks: []});
      checked.push(path.relative(outputs, file));
    }
    expect(checked).toEqual(expect.arrayContaining(["anonymised/clients.parquet", "features.parquet", "segments.parquet", "site/overview.json"]));
  });

  it("no identifier and no name appears anywhere in the published site", () => {
    const all = files(path.join(repoRoot, "dist"));
    expect(all.length).toBeGreaterThan(20);
    for (const file of all) {
      const text = readFileSync(file, "utf8");
      expect({file, leaks: leaks(text)}).toEqual({file, leaks: []});
      if (file.endsWith(".json") || file.endsWith(".html")) {
        const names = [...rawNames].filter((name) => text.includes(name));
        expect({file, names}).toEqual({file, names: []});
      }
    }
  });

  it("the published site carries no client-level rows for the Explore page unless configured", () => {
    const explore = files(path.join(repoRoot, "dist", "_file")).find((f) => /explore\.[0-9a-f]+\.json$/.test(f));
    expect(explore).toBeDefined();
    const data = JSON.parse(readFileSync(explore!, "utf8"));
    expect(data.sample.available).toBe(false);
    expect(readFileSync(explore!, "utf8")).not.toMatch(/P[0-9a-f]{20}/);
  });

  it("no published data file contains a client count between 1 and the suppression threshold − 1", () => {
    const countKeys = new Set(["clients", "count", "n", "successes", "qualified", "treatment", "control", "achievedClients", "earlier", "later", "vipClients", "valueClients", "dormantClients", "retailClients", "corporateClients", "value", "projected"]);
    const small: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${at}[${i}]`));
      else if (node && typeof node === "object")
        for (const [k, v] of Object.entries(node)) {
          if (k === "config") continue; // rule thresholds (e.g. value: 3 transactions), not counts of clients
          if (countKeys.has(k) && typeof v === "number" && v >= 1 && v < 10) small.push(`${at}.${k} = ${v}`);
          if (k === "counts" && Array.isArray(v)) v.flat().forEach((c, i) => typeof c === "number" && c >= 1 && c < 10 && small.push(`${at}.counts#${i} = ${c}`));
          walk(v, `${at}.${k}`);
        }
    };
    const dataFiles = files(path.join(repoRoot, "dist", "_file")).filter((f) => f.endsWith(".json") && !/methodology\./.test(f));
    expect(dataFiles.length).toBeGreaterThanOrEqual(5);
    for (const file of dataFiles) walk(JSON.parse(readFileSync(file, "utf8")), path.basename(file));
    expect(small.slice(0, 10)).toEqual([]);
  });
});
