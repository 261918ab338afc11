// Counts a CSV's physical lines and records the way a person counts them in an
// editor, before DuckDB reads it, so that one broken record can never swallow
// the rest of the file.
//
// Records follow RFC 4180 with a resync rule: a quoted field may span lines,
// but a record that does must be well formed (its quote closes within
// maxRecordBytes, nothing but a delimiter or a line break follows the closing
// quote, it has the header's number of fields). Otherwise only its first line
// is rejected, and reading resumes on the next line.
//
// Two paths. Most extracts have no quote character, NUL byte, stray carriage
// return, blank line before the end, mix of CRLF and LF, or overlong line:
// then every line is one record, a few memchr passes (Buffer.indexOf) prove it,
// and DuckDB reads the file itself. Any other file is parsed here byte by byte,
// and DuckDB reads a cleaned copy: the good records only, each ending in "\n"
// (DuckDB stops on mixed line endings), with a sparse table that maps its record
// numbers back to the file's lines.

import {createReadStream, createWriteStream, type WriteStream} from "node:fs";
import {once} from "node:events";
import {pipeline} from "node:stream/promises";
import {notUtf8, Utf8Stream} from "./utf8.js";

export interface ScanOptions {
  delimiter: string;
  /** "" when quoting is off. */
  quote: string;
  header: boolean;
  /** Fields every record must have: the header's (or the first record's). */
  fieldCount: number;
  /** A longer record is rejected; its raw text is kept up to this size. */
  maxRecordBytes: number;
  /** Where the cleaned copy goes, when the file needs one. */
  copyPath: string;
  /** Check that the bytes are UTF-8 (not needed after transcoding). */
  checkUtf8: boolean;
  /** For error messages: the file relative to the extract folder, and its table. */
  file: string;
  table: string;
  /** Bytes read at a time (default 1 MiB); tests make it tiny to put every boundary inside a record. */
  chunkBytes?: number;
}

/** A line the scan rejected: always exactly one physical line. */
export interface ScanReject {
  line: number;
  reason: string;
  /** The line's text; null when it is longer than maxRecordBytes. */
  raw: string | null;
  bytes: number;
}

/** From record k on (0-based, among the records DuckDB reads), a record's line is k + 1 + header + delta; record k itself spans `span` lines. */
export interface LineShift {
  k: number;
  delta: number;
  span: number;
}

export interface CsvScan {
  /** Physical lines: line feeds, plus a last line without one. */
  lines: number;
  /** Lines that hold nothing (not records). */
  blankLines: number;
  /** Data records: the ones DuckDB reads plus the rejected ones. */
  records: number;
  rejects: ScanReject[];
  shifts: LineShift[];
  /** True when some record spans several lines (then a record's raw text is not one line). */
  multiLineRecords: boolean;
  /** The file DuckDB reads: the original, or the cleaned copy. */
  readPath: string;
  /**
   * True when the records were parsed here (the slow path): then rejects and
   * shifts are complete, and DuckDB must reject nothing. False on the fast
   * path, where DuckDB counts fields and its rejects are lines.
   */
  parsed: boolean;
}

const LF = 10;
const CR = 13;
const NUL = 0;
const bom = [0xef, 0xbb, 0xbf];

export async function scanCsv(path: string, options: ScanOptions): Promise<CsvScan> {
  return (await scanLines(path, options)) ?? (await scanRecords(path, options));
}

/** The file's chunks, checked as UTF-8 on the way when asked. */
async function* chunks(path: string, {checkUtf8, file, table, chunkBytes = 1 << 20}: ScanOptions): AsyncGenerator<Buffer> {
  const utf8 = new Utf8Stream();
  for await (const chunk of createReadStream(path, {highWaterMark: chunkBytes}) as AsyncIterable<Buffer>) {
    if (checkUtf8 && !utf8.check(chunk)) throw await notUtf8(path, {file, table});
    yield chunk;
  }
  if (checkUtf8 && !utf8.end()) throw await notUtf8(path, {file, table});
}

/**
 * The fast path: lines are records when the file has no quote character, no
 * NUL byte, one kind of line ending, no line longer than maxRecordBytes, no
 * blank line before the end, and no line ending in a delimiter the header
 * lacks (DuckDB would drop the empty field). Undefined when any of that fails.
 * UTF-8 is left to DuckDB here, which reports the line of a bad byte.
 */
async function scanLines(path: string, options: ScanOptions): Promise<CsvScan | undefined> {
  const quoteByte = options.quote ? Buffer.from(options.quote)[0] : -1;
  const max = options.maxRecordBytes;
  const delimiter = Buffer.from(options.delimiter);
  const trailingDelimiter = [Buffer.from(`${options.delimiter}\n`), Buffer.from(`${options.delimiter}\r\n`)];
  let before: Buffer = Buffer.alloc(0); // the previous chunk's last bytes, for patterns across a boundary
  let headerEnds: boolean | undefined; // whether the header line ends in the delimiter
  let lines = 0;
  let blank = 0; // blank lines since the last record: allowed only at the end
  let offset = 0; // of the chunk in the file
  let lastBreak = -1; // offset of the last line feed
  let crlf = 0;
  let lf = 0;
  for await (const chunk of chunks(path, {...options, checkUtf8: false})) {
    if ((quoteByte !== -1 && chunk.indexOf(quoteByte) !== -1) || chunk.indexOf(NUL) !== -1) return undefined;
    const withCrs = chunk.indexOf(CR) !== -1 || before.at(-1) === CR;
    // One call per line and little else: this loop is the scan's cost.
    for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, at + 1)) {
      const feed = offset + at;
      let length = feed - lastBreak - 1;
      if (withCrs && (at > 0 ? chunk[at - 1] : before.at(-1)) === CR) {
        crlf++;
        length--;
      } else lf++;
      if (length > max) return undefined;
      if (length === 0) blank++;
      else if (blank > 0) return undefined;
      headerEnds ??= length >= delimiter.length && endsWith(Buffer.concat([before, chunk.subarray(0, at)]), delimiter);
      lines++;
      lastBreak = feed;
    }
    // A data line ending in the delimiter, where the header does not.
    const edge = Buffer.concat([before, chunk.subarray(0, 8)]);
    if (headerEnds === false && trailingDelimiter.some((p) => chunk.indexOf(p) !== -1 || edge.indexOf(p) !== -1)) return undefined;
    // Every carriage return must come right before a line feed (one that ends the chunk, before the next chunk's first byte).
    if (withCrs) {
      if (before.at(-1) === CR && chunk[0] !== LF) return undefined;
      let crs = 0;
      let pairs = 0;
      for (let at = chunk.indexOf(CR); at !== -1; at = chunk.indexOf(CR, at + 1)) crs++;
      for (let at = chunk.indexOf(crlfBytes); at !== -1; at = chunk.indexOf(crlfBytes, at + 2)) pairs++;
      if (crs - (chunk.at(-1) === CR ? 1 : 0) !== pairs) return undefined;
    }
    offset += chunk.length;
    if (offset - lastBreak - 1 > max) return undefined;
    before = Buffer.concat([before, chunk.subarray(-8)]).subarray(-8);
  }
  if (lastBreak < offset - 1) {
    // A last line without a line feed.
    if (blank > 0 || before.at(-1) === CR) return undefined;
    if (headerEnds === false && before.subarray(-delimiter.length).equals(delimiter)) return undefined;
    lines++;
  }
  if (crlf > 0 && lf > 0) return undefined;
  const headerLines = options.header ? 1 : 0;
  return {lines, blankLines: blank, records: Math.max(0, lines - headerLines - blank), rejects: [], shifts: [], multiLineRecords: false, readPath: path, parsed: false};
}

/** Whether a line's text (its CR dropped) ends in the delimiter. */
function endsWith(line: Buffer, delimiter: Buffer): boolean {
  const body = line.at(-1) === CR ? line.subarray(0, -1) : line;
  return body.subarray(-delimiter.length).equals(delimiter);
}

const crlfBytes = Buffer.from("\r\n");

/** What RecordParser.parse found; the record's details are then on the parser. */
const RECORD = 0;
const MORE = 1; // the buffer ends inside the record
const BROKEN = 2; // an unclosed quote or a record too long: only its first line is rejected
type Found = typeof RECORD | typeof MORE | typeof BROKEN;

/**
 * The slow path: records parsed byte by byte. When a line must be left out (a
 * rejected or blank line) or its ending rewritten, DuckDB reads a cleaned
 * copy, begun at that point with the bytes before it; a file that needs
 * neither (quoted fields, well formed) is read as it is.
 */
async function scanRecords(path: string, options: ScanOptions): Promise<CsvScan> {
  const parser = new RecordParser(options);
  const scan: CsvScan = {lines: 0, blankLines: 0, records: 0, rejects: [], shifts: [], multiLineRecords: false, readPath: path, parsed: true};
  const headerLines = options.header ? 1 : 0;
  const max = options.maxRecordBytes;
  let good = 0; // records DuckDB will read
  let delta = 0; // of the last of them
  let headerSeen = !options.header;
  let eol: Buffer | undefined; // the copy's line ending: the first line's, so most lines are copied as they are
  let skipping: {line: number; bytes: number; reason: string} | undefined;
  let out: WriteStream | undefined; // the copy, once begun
  let offset = 0; // of the buffer in the file
  const reject = (line: number, reason: string, raw: Buffer, bytes: number) => {
    scan.rejects.push({line, reason, raw: bytes <= max ? text(raw, line) : null, bytes});
    scan.records++;
  };

  let carry: Buffer = Buffer.alloc(0);
  const step = async (chunk: Buffer, final: boolean) => {
    const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let pos = 0;
    // The copy is written in runs of bytes as they are; a run breaks where a
    // line is left out or its ending rewritten.
    const parts: Buffer[] = [];
    let run = 0;
    let prefix = -1; // the copy begins here: the file's bytes before are copied as they are
    const cut = (from: number) => {
      if (out && from > run) parts.push(buf.subarray(run, from));
    };
    const begin = (at: number) => {
      if (out) return cut(at);
      out = createWriteStream(options.copyPath);
      scan.readPath = options.copyPath;
      prefix = offset + at;
    };
    const copy = (start: number, bodyEnd: number, end: number) => {
      eol ??= end > bodyEnd ? Buffer.from(buf.subarray(bodyEnd, end)) : newline;
      if (end - bodyEnd === eol.length && buf[end - 1] === LF && (eol.length === 1 || buf[bodyEnd] === CR)) return;
      begin(start);
      parts.push(buf.subarray(start, bodyEnd), eol);
      run = end;
    };
    const leaveOut = (start: number, end: number) => {
      begin(start);
      run = end;
    };
    if (skipping) {
      // The rest of a rejected line too long to hold: find where it ends.
      const lf = buf.indexOf(LF);
      const end = lf === -1 ? buf.length : lf;
      skipping.bytes += end - (lf > 0 && buf[lf - 1] === CR ? 1 : 0);
      pos = run = lf === -1 ? buf.length : lf + 1;
      if (lf !== -1 || final) {
        scan.rejects.push({line: skipping.line, reason: skipping.reason, raw: null, bytes: skipping.bytes});
        scan.records++;
        scan.lines++;
        skipping = undefined;
      }
    }
    while (pos < buf.length && !skipping) {
      const line = scan.lines + 1;
      const kind = parser.parse(buf, pos, final);
      if (kind === MORE) break;
      const {end, bodyEnd, span, fields, problem} = parser;
      if (kind === BROKEN || (span > 1 && headerSeen && (problem || fields !== options.fieldCount))) {
        // Only the record's first physical line is rejected; reading resumes on the next.
        const reason = kind === BROKEN ? parser.reason : (problem ?? "bad quoting");
        const lf = buf.indexOf(LF, pos);
        if (lf === -1 && !final) {
          skipping = {line, bytes: buf.length - pos, reason};
          leaveOut(pos, buf.length);
          pos = buf.length;
          break;
        }
        const lineEnd = lf === -1 ? buf.length : lf + 1;
        const lineBody = lf === -1 ? buf.length : lf > pos && buf[lf - 1] === CR ? lf - 1 : lf;
        if (headerSeen) {
          reject(line, reason, buf.subarray(pos, lineBody), lineBody - pos);
          leaveOut(pos, lineEnd);
        } else {
          headerSeen = true;
          copy(pos, lineBody, lineEnd);
        }
        scan.lines++;
        pos = lineEnd;
        continue;
      }
      scan.lines += span;
      if (bodyEnd === pos) {
        scan.blankLines++;
        leaveOut(pos, end);
      } else if (!headerSeen) {
        headerSeen = true;
        copy(pos, bodyEnd, end);
      } else if (problem || fields !== options.fieldCount) {
        reject(line, problem ?? (fields < options.fieldCount ? "too few fields" : "too many fields"), buf.subarray(pos, bodyEnd), bodyEnd - pos);
        leaveOut(pos, end);
      } else {
        const d = line - (good + 1 + headerLines);
        if (d !== delta || span !== 1) scan.shifts.push({k: good, delta: d, span});
        if (span > 1) scan.multiLineRecords = true;
        delta = d;
        good++;
        scan.records++;
        // The byte-order mark belongs to the file, not to line 1's first field.
        const from = line === 1 && bom.every((b, k) => buf[pos + k] === b) ? pos + bom.length : pos;
        if (from > pos) leaveOut(pos, from);
        copy(from, bodyEnd, end);
      }
      pos = end;
    }
    cut(pos);
    carry = buf.subarray(pos);
    offset += pos;
    if (out && prefix > 0) await pipeline(createReadStream(path, {start: 0, end: prefix - 1}), out, {end: false});
    await write(out, parts);
  };

  try {
    let started = false;
    for await (const chunk of chunks(path, options)) {
      started = true;
      await step(chunk, false);
    }
    if (started) await step(Buffer.alloc(0), true);
  } finally {
    if (out) {
      out.end();
      await once(out, "close");
    }
  }
  return scan;
}

const newline = Buffer.from("\n");

function text(raw: Buffer, line: number): string {
  const value = raw.toString("utf8");
  return line === 1 ? value.replace(/^\uFEFF/, "") : value;
}

async function write(out: WriteStream | undefined, parts: Buffer[]) {
  if (!out || parts.length === 0) return;
  if (!out.write(parts.length === 1 ? parts[0] : Buffer.concat(parts))) await once(out, "drain");
}

/**
 * Parses one record at a time, RFC 4180 style; a record's bytes never pass
 * maxRecordBytes unnoticed. The outcome's details are left on the parser
 * (no object per record: files have tens of millions).
 */
class RecordParser {
  /** After RECORD: where the next record starts, where this one's text ends, its lines, first line break, fields and first problem. */
  end = 0;
  bodyEnd = 0;
  span = 1;
  firstBreak = -1;
  fields = 1;
  problem: string | undefined;
  /** After BROKEN: why. */
  reason = "";

  private readonly quote: number;
  private readonly delimiter: Buffer;
  private readonly max: number;
  /** Bytes that end a run of plain text outside quotes. */
  private readonly plainStop = new Uint8Array(256);
  /** Bytes that matter inside quotes. */
  private readonly quotedStop = new Uint8Array(256);

  constructor({quote, delimiter, maxRecordBytes}: ScanOptions) {
    this.quote = quote ? Buffer.from(quote)[0] : -1;
    this.delimiter = Buffer.from(delimiter);
    this.max = maxRecordBytes;
    for (const b of [LF, CR, NUL, this.delimiter[0]]) this.plainStop[b] = 1;
    for (const b of [LF, NUL]) this.quotedStop[b] = 1;
    if (this.quote !== -1) this.plainStop[this.quote] = this.quotedStop[this.quote] = 1;
  }

  parse(buf: Buffer, start: number, final: boolean): Found {
    const n = buf.length;
    const limit = start + this.max;
    const {plainStop, quotedStop, quote} = this;
    let i = start;
    let fieldStart = true;
    this.fields = 1;
    this.span = 1;
    this.firstBreak = -1;
    this.problem = undefined;
    for (;;) {
      const from = i;
      while (i < n && plainStop[buf[i]] === 0) i++;
      if (i > from) fieldStart = false;
      if (i - start > this.max) return this.broken("record too long");
      if (i >= n) return final ? this.record(n, n) : MORE;
      const b = buf[i];
      if (b === LF) return this.record(i + 1, i > start && buf[i - 1] === CR ? i - 1 : i);
      if (b === CR) {
        if (i + 1 >= n && !final) return MORE;
        if (buf[i + 1] !== LF) (this.problem ??= "stray carriage return"), (fieldStart = false);
        i++;
        continue;
      }
      if (b === NUL) {
        this.problem ??= "NUL byte";
        fieldStart = false;
        i++;
        continue;
      }
      if (b === quote) {
        if (!fieldStart) {
          this.problem ??= "bad quoting";
          i++;
          continue;
        }
        let j = i + 1;
        for (;;) {
          const stopAt = Math.min(n, limit + 1);
          while (j < stopAt && quotedStop[buf[j]] === 0) j++;
          // Past the limit: a record too long on its first line, else a quote that runs on over lines.
          if (j > limit) return this.broken(this.firstBreak < 0 ? "record too long" : "unclosed quote");
          if (j >= n) return final ? this.broken("unclosed quote") : MORE;
          const c = buf[j];
          if (c === LF) {
            this.span++;
            if (this.firstBreak < 0) this.firstBreak = j;
            j++;
          } else if (c === NUL) {
            this.problem ??= "NUL byte";
            j++;
          } else if (j + 1 >= n && !final) return MORE;
          else if (buf[j + 1] === quote) j += 2; // "" stands for one quote
          else break;
        }
        i = j + 1; // after the closing quote: a delimiter, a line break or the end
        if (i < n && buf[i] !== LF && buf[i] !== CR && !this.delimiterAt(buf, i)) this.problem ??= "bad quoting";
        fieldStart = false;
        continue;
      }
      if (i + this.delimiter.length > n && !final) return MORE;
      if (this.delimiterAt(buf, i)) {
        this.fields++;
        fieldStart = true;
        i += this.delimiter.length;
        continue;
      }
      fieldStart = false;
      i++;
    }
  }

  private record(end: number, bodyEnd: number): Found {
    this.end = end;
    this.bodyEnd = bodyEnd;
    return RECORD;
  }

  private broken(reason: string): Found {
    this.reason = reason;
    return BROKEN;
  }

  private delimiterAt(buf: Buffer, i: number): boolean {
    const d = this.delimiter;
    if (buf[i] !== d[0]) return false;
    for (let k = 1; k < d.length; k++) if (buf[i + k] !== d[k]) return false;
    return true;
  }
}
