// UTF-8 checks in Node. DuckDB reads only UTF-8 here, and a GBK file read as
// UTF-8 must stop the run with the place of the first bad byte, not turn into
// rows of replacement characters.

import {createReadStream} from "node:fs";
import {open} from "node:fs/promises";

export interface BadByte {
  /** 1-based physical line. */
  line: number;
  /** 0-based byte offset in the file. */
  offset: number;
}

const probeBytes = 1 << 16; // enough for the header and the first rows

/** Checks the start of a file, where a GBK header or first names show up. */
export async function startIsUtf8(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(probeBytes);
    const {bytesRead} = await handle.read(buffer, 0, probeBytes, 0);
    // stream: true lets a character cut by the probe's end pass.
    new TextDecoder("utf-8", {fatal: true}).decode(buffer.subarray(0, bytesRead), {stream: true});
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

/** The first byte that is not valid UTF-8; only run once a problem is known. */
export async function firstBadByte(path: string): Promise<BadByte | undefined> {
  let line = 1;
  let offset = 0;
  let pending = 0; // continuation bytes still expected
  let start = 0; // offset of the character being read
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++, offset++) {
      const byte = chunk[i];
      if (pending > 0) {
        if ((byte & 0xc0) !== 0x80) return {line, offset: start};
        pending--;
        continue;
      }
      start = offset;
      if (byte === 0x0a) line++;
      else if (byte < 0x80) continue;
      else if (byte >= 0xc2 && byte <= 0xdf) pending = 1;
      else if (byte >= 0xe0 && byte <= 0xef) pending = 2;
      else if (byte >= 0xf0 && byte <= 0xf4) pending = 3;
      else return {line, offset};
    }
  }
  return pending > 0 ? {line, offset: start} : undefined;
}
