// UTF-8 checks in Node. DuckDB reads only UTF-8 here, and a GBK file read as
// UTF-8 must stop the run with the place of the first bad byte, not turn into
// rows of replacement characters.

import {isUtf8} from "node:buffer";
import {createReadStream} from "node:fs";
import {open} from "node:fs/promises";
import {ExtractError} from "./errors.js";

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

/** The error for a file declared UTF-8 that is not, with the place of its first bad byte. */
export async function notUtf8(path: string, {file, table}: {file: string; table: string}): Promise<ExtractError> {
  const bad = await firstBadByte(path);
  const where = bad ? ` at byte offset ${bad.offset}` : "";
  return new ExtractError(file, `not valid UTF-8${where}; if the file is GBK, set \`encoding: gbk\` for table ${table}`, {line: bad?.line});
}

/**
 * "little-endian" or "big-endian" when the file looks like UTF-16 (a byte-order
 * mark, or every other byte NUL as in ASCII text saved as "Unicode" by Excel).
 */
export function utf16Kind(head: Uint8Array): "little-endian" | "big-endian" | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return "little-endian";
  if (head[0] === 0xfe && head[1] === 0xff) return "big-endian";
  const pairs = Math.floor(Math.min(head.length, 1024) / 2);
  let odd = 0;
  let even = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) even++;
    if (head[2 * i + 1] === 0) odd++;
  }
  if (pairs >= 4 && odd >= pairs * 0.4 && even === 0) return "little-endian";
  if (pairs >= 4 && even >= pairs * 0.4 && odd === 0) return "big-endian";
  return undefined;
}

/** Checks a stream of chunks as UTF-8 (natively); a character cut by a chunk's end is checked with the next chunk. */
export class Utf8Stream {
  private tail: Buffer = Buffer.alloc(0);

  /** False once the bytes so far are not UTF-8. */
  check(chunk: Buffer): boolean {
    const bytes = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    const cut = completeUtf8(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) return false;
    this.tail = Buffer.from(bytes.subarray(cut));
    return true;
  }

  /** False when the last character is cut off. */
  end(): boolean {
    return this.tail.length === 0;
  }
}

const utf8Length = (lead: number) => (lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1);

/** The offset after the last whole UTF-8 character of `chunk`. */
function completeUtf8(chunk: Buffer): number {
  for (let back = 1; back <= 3 && back <= chunk.length; back++) {
    const byte = chunk[chunk.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    return byte >= 0xc0 && utf8Length(byte) > back ? chunk.length - back : chunk.length;
  }
  return chunk.length;
}
