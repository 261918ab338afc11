// scanCsv counts lines and records in chunks; whatever the chunk size, the
// count, the rejected lines, the line map and the cleaned copy must be the
// same: every boundary is tried inside quotes, line endings and delimiters.

import {existsSync, mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {scanCsv, type ScanOptions} from "../../loaders/extract/scanCsv.js";

const header = "id,name,amount";
const contents: Record<string, string> = {
  "plain LF": `${header}\n1,a,10\n2,b,20\n`,
  "CRLF without a last line break": `${header}\r\n1,a,10\r\n2,b,20`,
  "mixed CRLF and LF": `${header}\r\n1,a,10\n2,b,20\r\n3,c,30\n`,
  "quoted fields spanning lines": `${header}\n1,"a\nb",10\n2,"c""d\r\ne",20\n3,x,30\n`,
  "a stray quote, then more quotes": `${header}\n1,"a,10\n2,b,20\n3,"c",30\n4,d,40\n`,
  "an unclosed quote at the end": `${header}\n1,a,10\n2,"b,20`,
  "blank lines inside and at the end": `${header}\n1,a,10\n\n2,b,20\r\n\n\n`,
  "a NUL byte and a lone CR": `${header}\n1,a\u0000,10\n2,b\r,20\n3,c,30\n`,
  "a trailing delimiter on one line": `${header}\n1,a,10,\n2,b,20\n`,
  "a line over the limit": `${header}\n1,${"z".repeat(80)},10\n2,b,20\n`,
  "a quoted field that runs past the limit": `${header}\n1,"${"y\n".repeat(40)}",10\n2,b,20\n`,
  "a byte-order mark without a header": `\uFEFF1,"a",10\n2,b,20\n`,
  "a two-character delimiter": "id||name||amount\n1||a||10\n2||b\n3||\"c||d\"||30\n",
  "text after a closing quote and quotes inside fields": `${header}\n1,"a"b,10\n2,b"c,20\n3, "d",30\n4,e,40\n`,
  "Chinese text cut by chunks": `${header}\n1,城东支行,10\n2,"杭州\n分行",20\n3,华东,30\n`,
};

function options(name: string, dir: string, chunkBytes?: number): ScanOptions {
  const delimiter = name.includes("two-character") ? "||" : ",";
  return {delimiter, quote: '"', header: !name.includes("without a header"), fieldCount: 3, maxRecordBytes: 64, copyPath: join(dir, `copy-${chunkBytes}.csv`), checkUtf8: true, file: "t.csv", table: "t", chunkBytes};
}

async function scanned(name: string, chunkBytes?: number) {
  const dir = mkdtempSync(join(tmpdir(), "scan-"));
  const path = join(dir, "t.csv");
  writeFileSync(path, contents[name]);
  const {readPath, ...scan} = await scanCsv(path, options(name, dir, chunkBytes));
  return {...scan, copy: readPath === path ? undefined : readFileSync(readPath, "utf8")};
}

describe("scanCsv", () => {
  it.each(Object.keys(contents))("gives the same scan of %s in chunks of any size", async (name) => {
    const whole = await scanned(name);
    for (const size of [1, 2, 3, 5, 8, 13, 64]) expect(await scanned(name, size), `chunks of ${size}`).toEqual(whole);
  });

  it("reads a clean file as it is (the fast path)", async () => {
    expect(await scanned("plain LF")).toEqual({lines: 3, blankLines: 0, records: 2, rejects: [], shifts: [], multiLineRecords: false, parsed: false, copy: undefined});
  });

  it("reads well-formed quoted fields as they are, and maps records to lines", async () => {
    const scan = await scanned("quoted fields spanning lines");
    expect(scan).toMatchObject({lines: 6, records: 3, rejects: [], multiLineRecords: true, parsed: true, copy: undefined});
    // Record 0 (line 2) spans 2 lines, record 1 (line 4) spans 2, record 2 sits on line 6.
    expect(scan.shifts).toEqual([{k: 0, delta: 0, span: 2}, {k: 1, delta: 1, span: 2}, {k: 2, delta: 2, span: 1}]);
  });

  it("rejects only the line of a stray quote, and reads on", async () => {
    const scan = await scanned("a stray quote, then more quotes");
    expect(scan.rejects).toEqual([{line: 2, reason: "bad quoting", raw: '1,"a,10', bytes: 7}]);
    expect(scan).toMatchObject({lines: 5, records: 4, copy: `${header}\n2,b,20\n3,"c",30\n4,d,40\n`});
    expect(scan.shifts).toEqual([{k: 0, delta: 1, span: 1}]);
  });

  it("leaves blank lines out of the copy and counts them", async () => {
    const scan = await scanned("blank lines inside and at the end");
    expect(scan).toMatchObject({lines: 6, blankLines: 3, records: 2, rejects: [], copy: `${header}\n1,a,10\n2,b,20\n`});
  });

  it("writes the copy with the first line's ending, whatever each line had", async () => {
    expect((await scanned("mixed CRLF and LF")).copy).toBe(`${header}\r\n1,a,10\r\n2,b,20\r\n3,c,30\r\n`);
  });

  it("rejects a line over the limit, keeping its length but not its text", async () => {
    expect((await scanned("a line over the limit")).rejects).toEqual([{line: 2, reason: "record too long", raw: null, bytes: 85}]);
    const runOn = await scanned("a quoted field that runs past the limit");
    expect(runOn.rejects[0]).toEqual({line: 2, reason: "unclosed quote", raw: '1,"y', bytes: 4});
    // Then each "y" line is a record of one field, and the closing quote's line opens a quote that never closes.
    expect(runOn).toMatchObject({lines: 43, records: 42});
    expect(runOn.rejects.map((r) => r.reason)).toEqual(["unclosed quote", ...Array(39).fill("too few fields"), "unclosed quote"]);
  });

  it("strips a byte-order mark from the first record when there is no header", async () => {
    const scan = await scanned("a byte-order mark without a header");
    expect(scan).toMatchObject({records: 2, copy: '1,"a",10\n2,b,20\n'});
  });

  it("writes no copy for a file that does not need one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scan-"));
    writeFileSync(join(dir, "t.csv"), contents["quoted fields spanning lines"]);
    await scanCsv(join(dir, "t.csv"), options("quoted", dir));
    expect(existsSync(join(dir, "copy-undefined.csv"))).toBe(false);
  });
});
