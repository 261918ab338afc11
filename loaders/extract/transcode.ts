// GBK and GB18030 extracts become a temporary UTF-8 file that DuckDB can read.
// Streaming, so a 10-million-row file never sits in memory; `stream: true`
// carries a double-byte character cut by a chunk boundary into the next chunk.
//
// Decoding is strict: a byte that is not valid in the declared encoding stops
// the load with its line and byte offset, and a file that is really UTF-8 (so
// that reading it as GBK would garble every Chinese name) is refused by name.

import {isAscii} from "node:buffer";
import {createReadStream, createWriteStream} from "node:fs";
import {once} from "node:events";
import {ExtractError} from "./errors.js";
import {Utf8Stream} from "./utf8.js";

export async function transcodeToUtf8(path: string, target: string, {encoding, file, table}: {encoding: "gbk" | "gb18030"; file: string; table: string}) {
  const decoder = new TextDecoder(encoding, {fatal: true});
  const out = createWriteStream(target);
  // Whether the bytes read so far are also valid UTF-8, with non-ASCII text.
  const asUtf8 = new Utf8Stream();
  let utf8 = true;
  let nonAscii = false;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(chunk, {stream: true});
      } catch {
        throw await badBytes(path, {encoding, file});
      }
      nonAscii ||= !isAscii(chunk);
      utf8 &&= asUtf8.check(chunk);
      if (!out.write(text)) await once(out, "drain");
    }
    try {
      const rest = decoder.decode();
      if (rest) out.write(rest);
    } catch {
      throw await badBytes(path, {encoding, file});
    }
  } finally {
    out.end();
    await once(out, "close");
  }
  if (utf8 && asUtf8.end() && nonAscii)
    throw new ExtractError(file, `declared ${encoding} but the file is UTF-8: read as ${encoding} its Chinese text would be garbled; remove \`encoding: ${encoding}\` for table ${table}`);
}

/**
 * The error for the first byte that does not decode. Line feeds are never part
 * of a GBK or GB18030 character, so the file is decoded line by line, and the
 * bad line is bisected: the shortest prefix that fails ends at the bad byte.
 */
async function badBytes(path: string, {encoding, file}: {encoding: "gbk" | "gb18030"; file: string}): Promise<ExtractError> {
  const fails = (bytes: Uint8Array, stream: boolean) => {
    try {
      new TextDecoder(encoding, {fatal: true}).decode(bytes, {stream});
      return false;
    } catch {
      return true;
    }
  };
  let line = 1;
  let offset = 0; // of `rest` in the file
  let rest: Buffer = Buffer.alloc(0);
  const search = (bytes: Buffer) => {
    let lo = 1;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (fails(bytes.subarray(0, mid), true)) hi = mid;
      else lo = mid + 1;
    }
    return new ExtractError(file, `bytes that are not valid ${encoding} at byte offset ${offset + lo - 1}; check the declared encoding`, {line});
  };
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    for (let lf = buf.indexOf(10); lf !== -1; lf = buf.indexOf(10)) {
      const bytes = buf.subarray(0, lf + 1);
      if (fails(bytes, false)) return search(bytes);
      line++;
      offset += lf + 1;
      buf = buf.subarray(lf + 1);
    }
    rest = buf;
  }
  if (fails(rest, false)) return search(rest);
  return new ExtractError(file, `bytes that are not valid ${encoding}; check the declared encoding`);
}
