import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {linesAt} from "../../loaders/extract/lines.js";

const file = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "lines-")), "f.csv");
  writeFileSync(path, text);
  return path;
};

describe("linesAt", () => {
  it("returns the wanted lines without their breaks, across read chunks", async () => {
    const lines = Array.from({length: 30_000}, (_, i) => `T${i},C${i % 7},中文${i}`); // > 64 KiB: several chunks
    const path = file("\uFEFF" + lines.join("\r\n") + "\r\n");
    const found = await linesAt(path, [1, 2, 15_000, 30_000]);
    expect(found).toEqual(new Map([[1, lines[0]], [2, lines[1]], [15_000, lines[14_999]], [30_000, lines[29_999]]]));
  });

  it("takes hundreds of thousands of wanted lines at once", async () => {
    const lines = Array.from({length: 300_000}, (_, i) => `T${i}`);
    const wanted = lines.map((_, i) => i + 1);
    const found = await linesAt(file(lines.join("\n") + "\n"), wanted);
    expect(found?.size).toBe(300_000);
    expect(found?.get(300_000)).toBe("T299999");
  });

  it("reads a last line without a break, and leaves out lines past the end", async () => {
    expect(await linesAt(file("a\nb\nc"), [3, 9])).toEqual(new Map([[3, "c"]]));
  });

  it("takes lines as they are, quotes and all: the caller knows records are lines", async () => {
    const path = file('id,name\n1,"a"\n2,c\n');
    expect(await linesAt(path, [2, 3])).toEqual(new Map([[2, '1,"a"'], [3, "2,c"]]));
  });
});
