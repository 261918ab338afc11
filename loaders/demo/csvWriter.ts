// Streams CSV lines to a file in buffered chunks: millions of rows without
// holding them in memory, and synchronous writes so the generator stays a
// plain loop.

import {closeSync, openSync, writeSync} from "node:fs";

const chunkBytes = 1 << 22;
const newline = 10;

export interface CsvWriter {
  /** Appends one line (fields already joined, no newline). Returns its 1-based file line. */
  line(text: string): number;
  /** Data rows written so far (header excluded). */
  readonly rows: number;
  close(): void;
}

export function createCsvWriter(path: string, header: readonly string[]): CsvWriter {
  const fd = openSync(path, "w");
  // Encoding straight into one reused buffer keeps the garbage collector out of
  // the hot loop (string concatenation made it the biggest cost).
  const buffer = Buffer.allocUnsafe(chunkBytes);
  let used = 0;
  let lines = 0;
  const flush = () => {
    if (used) writeSync(fd, buffer, 0, used);
    used = 0;
  };
  const writer: CsvWriter = {
    line(text) {
      // UTF-8 needs at most 3 bytes per UTF-16 unit.
      if (used + 3 * text.length + 1 > chunkBytes) flush();
      used += buffer.write(text, used);
      buffer[used++] = newline;
      return ++lines;
    },
    get rows() {
      return lines - 1;
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
  writer.line(header.join(","));
  return writer;
}

/** Quotes a free-text field only when the CSV needs it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Money from integer cents, always two decimals: 1234 → "12.34". */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const fraction = abs % 100;
  return `${sign}${(abs - fraction) / 100}.${fraction < 10 ? "0" : ""}${fraction}`;
}
