// GBK and GB18030 extracts become a temporary UTF-8 file that DuckDB can read.
// Streaming, so a 10-million-row file never sits in memory; `stream: true`
// carries a double-byte character cut by a chunk boundary into the next chunk.

import {createReadStream, createWriteStream} from "node:fs";
import {once} from "node:events";
import {ExtractError} from "./errors.js";

export async function transcodeToUtf8(path: string, target: string, {encoding, file}: {encoding: "gbk" | "gb18030"; file: string}) {
  const decoder = new TextDecoder(encoding, {fatal: true});
  const out = createWriteStream(target);
  let offset = 0;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(chunk, {stream: true});
      } catch {
        throw new ExtractError(file, `bytes that are not valid ${encoding} in the block starting at byte offset ${offset}; check the declared encoding`);
      }
      offset += chunk.length;
      if (!out.write(text)) await once(out, "drain");
    }
    const rest = decoder.decode();
    if (rest) out.write(rest);
  } finally {
    out.end();
    await once(out, "close");
  }
}
