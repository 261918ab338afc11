// Physical lines of a text file by number, read in Node: how the raw text of a
// few records rejected after the scan is found without a second CSV parse.

import {createReadStream} from "node:fs";

/**
 * The text of the given 1-based lines (without the line break). The caller
 * knows that records are lines here (scanCsv says whether any spans several).
 */
export async function linesAt(path: string, wanted: readonly number[]): Promise<Map<number, string>> {
  const targets = new Set(wanted);
  const last = wanted.reduce((a, b) => Math.max(a, b), 0); // no spread: thousands of lines would overflow the stack
  const found = new Map<number, string>();
  let line = 1;
  let pending: Buffer[] = []; // the current line's bytes, kept only for a wanted line
  const stream = createReadStream(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      while (line <= last) {
        const end = chunk.indexOf(10, start);
        const stop = end === -1 ? chunk.length : end;
        if (targets.has(line)) pending.push(chunk.subarray(start, stop));
        if (end === -1) {
          start = chunk.length;
          break;
        }
        if (targets.has(line)) found.set(line, text(pending, line));
        pending = [];
        line++;
        start = end + 1;
      }
      if (line > last) break;
    }
    if (pending.length && targets.has(line)) found.set(line, text(pending, line)); // a last line without a break
    return found;
  } finally {
    stream.destroy();
  }
}

function text(parts: Buffer[], line: number): string {
  const value = Buffer.concat(parts).toString("utf8").replace(/\r$/, "");
  return line === 1 ? value.replace(/^\uFEFF/, "") : value;
}
