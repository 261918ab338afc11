// textValue skips trim() for values that cannot need it; whatever it skips,
// it must give what trimming every value would.
import fc from "fast-check";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDuckDb, type Engine} from "../../loaders/engine/duckdb.js";
import {textValue} from "../../loaders/extract/checks.js";
import {literal} from "../../loaders/extract/sql.js";

const blanks = [" ", "\t", "\r", "\n", "\u00a0", "\u3000"];
// Blanks, the characters next to them in byte order, ASCII, Latin-1 and CJK.
const pieces = [...blanks, "!", "\u001f", "a", "1", ".", "-", "~", "\u007f", "\u00a1", "é", "中", "文", "\u2000", "\uff01"];

describe("textValue", () => {
  let engine: Engine;
  beforeAll(async () => void (engine = await openDuckDb()));
  afterAll(() => engine.close());

  it("equals NULLIF(trim(value, blanks), '') on any string of blanks, ASCII and CJK", async () => {
    const values = fc.sample(fc.array(fc.constantFrom(...pieces), {maxLength: 6}).map((a) => a.join("")), {numRuns: 400, seed: 7});
    values.push("", "　", " 中文 ", "\u00a0x", "x\u00a0", "!", "中文");
    const rows = await engine.all<{v: string; fast: string | null; plain: string | null}>(
      `SELECT v, ${textValue("v")} AS fast, NULLIF(trim(v, ${literal(blanks.join(""))}), '') AS plain
       FROM (VALUES ${values.map((v) => `(${literal(v)})`).join(", ")}) t(v)`
    );
    expect(rows.filter((r) => r.fast !== r.plain)).toEqual([]);
    expect(rows.length).toBe(values.length);
  });
});
