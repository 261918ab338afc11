import {afterAll, describe, expect, it} from "vitest";
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {generateDemoBank} from "../../loaders/demo/generate.js";

const root = mkdtempSync(join(tmpdir(), "demo-determinism-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));

const files = (dir: string) => ["truths.json", ...readdirSync(join(dir, "extract")).sort().map((f) => join("extract", f))];

describe("generateDemoBank", () => {
  it("writes byte-identical files for the same options", async () => {
    const options = {seed: 99, retailClients: 400, corporateClients: 40, transactionsPerClientQuarter: 6};
    await generateDemoBank({...options, outDir: join(root, "a")});
    await generateDemoBank({...options, outDir: join(root, "b")});
    expect(files(join(root, "a"))).toEqual(files(join(root, "b")));
    expect(files(join(root, "a"))).toHaveLength(10);
    for (const f of files(join(root, "a"))) expect(readFileSync(join(root, "b", f)).equals(readFileSync(join(root, "a", f))), f).toBe(true);
  });

  it("writes different banks for different seeds", async () => {
    await generateDemoBank({seed: 100, retailClients: 400, corporateClients: 40, outDir: join(root, "c")});
    expect(readFileSync(join(root, "c", "extract", "clients.csv")).equals(readFileSync(join(root, "a", "extract", "clients.csv")))).toBe(false);
  });

  it("replaces an existing folder whole and leaves no temporary folder behind", async () => {
    const out = join(root, "replace");
    mkdirSync(join(out, "extract"), {recursive: true});
    writeFileSync(join(out, "extract", "stale.csv"), "old\n");
    await generateDemoBank({seed: 1, retailClients: 100, corporateClients: 5, quarters: 4, outDir: out});
    expect(existsSync(join(out, "extract", "stale.csv"))).toBe(false);
    expect(existsSync(join(out, "truths.json"))).toBe(true);
    expect(readdirSync(root).filter((d) => d.startsWith("."))).toEqual([]);
  });

  it("rejects bad options with the usual error shape", async () => {
    await expect(generateDemoBank({outDir: join(root, "bad"), retailClients: 3})).rejects.toThrow("invalid retailClients: 3");
    await expect(generateDemoBank({outDir: join(root, "bad"), firstQuarter: "2024Q5"})).rejects.toThrow("invalid quarter: 2024Q5");
    expect(existsSync(join(root, "bad"))).toBe(false);
  });
});
