// The header record, read in Node so that the contract columns can be matched
// (and a wrong delimiter explained) before DuckDB reads a single row.

import {open} from "node:fs/promises";

const maxHeaderBytes = 1 << 20;
const bom = "\uFEFF";

export interface Header {
  /** Field names, trimmed, BOM stripped; "" when the file is empty. */
  names: string[];
  /** The header line as text, for messages. */
  text: string;
  empty: boolean;
  /** Line breaks are carriage returns alone (classic Mac OS): the file is one line to every reader. */
  crOnly: boolean;
}

export async function readHeader(path: string, {delimiter, quote}: {delimiter: string; quote: string}): Promise<Header> {
  const handle = await open(path, "r");
  let head: string;
  try {
    const buffer = Buffer.alloc(maxHeaderBytes);
    const {bytesRead} = await handle.read(buffer, 0, maxHeaderBytes, 0);
    head = new TextDecoder("utf-8").decode(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
  if (head.startsWith(bom)) head = head.slice(1);
  if (head.trim() === "") return {names: [], text: "", empty: true, crOnly: false};
  const record = firstRecord(head, quote);
  const crOnly = head.includes("\r") && !head.includes("\n");
  return {names: splitRecord(record, {delimiter, quote}).map((n) => n.trim()), text: record, empty: false, crOnly};
}

// Up to the first line break outside quotes.
function firstRecord(text: string, quote: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote && c === quote) quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) return text.slice(0, i);
  }
  return text;
}

export function splitRecord(record: string, {delimiter, quote}: {delimiter: string; quote: string}): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    if (quote && record[i] === quote) {
      if (quoted && record[i + 1] === quote) (field += quote), i++;
      else quoted = !quoted;
    } else if (!quoted && record.startsWith(delimiter, i)) {
      fields.push(field);
      field = "";
      i += delimiter.length - 1;
    } else field += record[i];
  }
  fields.push(field);
  return fields;
}

const likelyDelimiters = [",", ";", "\t", "|"];

/** The delimiter the header seems to use instead of the configured one. */
export function guessDelimiter(text: string, {delimiter, quote}: {delimiter: string; quote: string}): string | undefined {
  const configured = splitRecord(text, {delimiter, quote}).length;
  let best: string | undefined;
  let bestCount = configured;
  for (const candidate of likelyDelimiters) {
    if (candidate === delimiter) continue;
    const count = splitRecord(text, {delimiter: candidate, quote}).length;
    if (count > bestCount) (best = candidate), (bestCount = count);
  }
  return best;
}
