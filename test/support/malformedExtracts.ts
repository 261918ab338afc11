// Test support. The corpus of malformed extracts: each case breaks the small
// valid extract of test/extract/corpus.ts in one way, as an adversary would
// (a bank's core system, a CRM export, a hand-fixed spreadsheet), and states
// the outcome: an error naming file and line, or the exact quarantine.
// Built in code, not as committed files; a few cases need exact bytes.

import type {Config, TableSource} from "../../src/config/schema.js";
import {encodeGbk, files, withLine, withLines} from "../extract/corpus.js";

export type Changes = Record<string, string | Uint8Array | null>;

/** One quarantine row: table, line, reason, and optionally what else it must hold. */
export type Quarantined = [table: string, line: number, reason: string, more?: {raw?: string | null; lastLine?: number; rawBytes?: number}];

export interface MalformedCase {
  name: string;
  /** The class of defect, for the corpus's count. */
  kind: "quoting" | "line endings" | "fields" | "header" | "encoding" | "values" | "plausibility" | "size" | "paths" | "sources";
  files: Changes;
  /** Table sources that differ from the four default CSVs (undefined removes one). */
  tables?: Record<string, TableSource | undefined>;
  /** Settings of the extract section beyond its tables: asOf, roots, checks. */
  extract?: Omit<Partial<Config["extract"]>, "tables" | "dir">;
  /** Files made by code before the load (Parquet), in the extract folder. */
  prepare?: (dir: string) => Promise<void>;
  expect: ErrorOutcome | LoadOutcome;
}

export interface ErrorOutcome {
  error: {file: string; line?: number; message: RegExp};
}

export interface LoadOutcome {
  /** The whole quarantine, ordered by table and line; [] for a variant that is handled and accepted. */
  quarantine: Quarantined[];
  warnings?: Record<string, Record<string, number>>;
  /** Lines of accepted records that continue a record begun on an earlier line, per table. */
  continuation?: Record<string, number[]>;
  /** A query and its rows, proving an accepted variant was read right (not just accepted). */
  verify?: {sql: string; rows: Record<string, unknown>[]};
}

const T = files["transactions.csv"];
const C = files["clients.csv"];
const B = files["balances.csv"];
const txHeader = T.split("\n")[0];
const q = (table: string, line: number, reason: string, more?: Quarantined[3]): Quarantined => (more ? [table, line, reason, more] : [table, line, reason]);
const tx = (line: number, reason: string, more?: Quarantined[3]) => q("transactions", line, reason, more);
const bytes = (...parts: (string | number[] | Uint8Array)[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));
const crlf = (text: string) => text.replaceAll("\n", "\r\n");
const campaigns = (...rows: string[]) => withLines("campaign_id,name,kind,start_date,end_date,target_clients\n", ...rows);
const campaignSource = {campaigns: {path: "campaigns.csv"}};
const corporate = (...rows: string[]) => withLines("client_id,quarter,industry,avg_daily_deposits,period_end_deposits,settlement_share\n", ...rows);
// Clients with a close_date column, and the base clients' rows kept.
const clientsWithClose = (...rows: string[]) => withLines(C.trim().split("\n").map((l, i) => (i === 0 ? `${l},close_date` : `${l},`)).join("\n") + "\n", ...rows);

export const malformedExtracts: MalformedCase[] = [
  // Quoting: a quote that opens and never closes must not swallow the file.
  {name: "a stray quote on line 2 that never closes", kind: "quoting",
    files: {"transactions.csv": withLine(T, 2, 'T0001,C001,2025-01-03,"1200.00,out,mobile,1')},
    expect: {quarantine: [tx(2, "unclosed quote", {raw: 'T0001,C001,2025-01-03,"1200.00,out,mobile,1'})]}},
  {name: "a stray quote that pairs with a quote four lines later", kind: "quoting",
    files: {"transactions.csv": withLine(withLine(T, 2, 'T0001,C001,2025-01-03,"1200.00,out,mobile,1'), 6, 'T0005,C004,2025-01-12,"300",out,atm,N')},
    expect: {quarantine: [tx(2, "bad quoting")], verify: {sql: "SELECT amount FROM x_transactions WHERE txn_id = 'T0005'", rows: [{amount: 300}]}}},
  {name: "a quote inside an unquoted field", kind: "quoting",
    files: {"transactions.csv": withLines(T, 'T0007,C001,2025-01-21,1"0,in,online,1')},
    expect: {quarantine: [tx(8, "bad quoting")]}},
  {name: "text after a closing quote", kind: "quoting",
    files: {"transactions.csv": withLines(T, 'T0007,"C001"x,2025-01-21,10,in,online,1')},
    expect: {quarantine: [tx(8, "bad quoting")]}},
  {name: "a space before an opening quote", kind: "quoting",
    files: {"transactions.csv": withLines(T, 'T0007, "C001",2025-01-21,10,in,online,1')},
    expect: {quarantine: [tx(8, "bad quoting")]}},
  {name: "a quote inside a quoted field that is not doubled", kind: "quoting",
    files: {"transactions.csv": withLines(T, 'T0007,"C0"01",2025-01-21,10,in,online,1')},
    expect: {quarantine: [tx(8, "bad quoting")]}},
  {name: "a quoted field spanning two lines in a record with too many fields", kind: "quoting",
    files: {"transactions.csv": withLines(T, 'T0007,C001,"2025-01-21', 'x",10,in,online,1,extra')},
    expect: {quarantine: [tx(8, "bad quoting"), tx(9, "bad quoting")]}},
  {name: "an unclosed quote on a last line without a line break", kind: "quoting",
    files: {"transactions.csv": T + 'T0007,C001,2025-01-21,"10,in,online,1'},
    expect: {quarantine: [tx(8, "unclosed quote")]}},
  {name: "an unclosed quote in the header", kind: "quoting",
    files: {"transactions.csv": withLine(T, 1, txHeader.replace("client_id", '"client_id'))},
    expect: {error: {file: "transactions.csv", line: 1, message: /missing required columns client_id, txn_date/}}},
  {name: "a bad amount in a record that spans two lines", kind: "quoting",
    files: {"transactions.csv": withLines(T, 'T0007,C001,2025-01-21,"1\n0",in,online,1')},
    expect: {quarantine: [tx(8, "not a number: amount", {lastLine: 9, raw: "T0007,C001,2025-01-21,1\n0,in,online,1"})]}},
  {name: "a name on two lines, then a duplicate client", kind: "quoting",
    files: {"clients.csv": withLines(C, 'C005,retail,"赵\n六",B01,2020-01-15,M,1980-01-01', "C001,retail,x,B01,2020-01-15,M,1980-01-01")},
    expect: {
      quarantine: [q("clients", 8, "duplicate key", {raw: "C001,retail,x,B01,2020-01-15,M,1980-01-01"})],
      continuation: {clients: [7]},
      verify: {sql: "SELECT name FROM x_clients WHERE client_id = 'C005'", rows: [{name: "赵\n六"}]},
    }},
  {name: "a carriage return inside a quoted field", kind: "quoting",
    files: {"transactions.csv": withLines(T, 'T0007,C001,2025-01-21,10,in,"onl\rine",1')},
    expect: {quarantine: [tx(8, "not an allowed value: channel")]}},
  {name: "fields quoted throughout, one record with an extra field", kind: "quoting",
    files: {"transactions.csv": withLines(T.split("\n").map((l) => (l ? l.split(",").map((f) => `"${f}"`).join(",") : l)).join("\n"), '"T0007","C001","2025-01-21","10","in","online","1","x"')},
    expect: {quarantine: [tx(8, "too many fields")], verify: {sql: "SELECT count(*) AS n, sum(amount) AS total FROM x_transactions", rows: [{n: 6, total: 1051604.25}]}}},

  // Line endings: every one a reasoned quarantine or a handled variant, never DuckDB's state machine.
  {name: "a lone carriage return inside a line among LF lines", kind: "line endings",
    files: {"transactions.csv": withLines(T, "T0007,C001,2025-01-21,10,in,\ronline,1")},
    expect: {quarantine: [tx(8, "stray carriage return")]}},
  {name: "a lone carriage return between two records", kind: "line endings",
    files: {"transactions.csv": withLines(T, "T0007,C001,2025-01-21,10,in,online,1\rT0008,C001,2025-01-22,11,in,online,1")},
    expect: {quarantine: [tx(8, "stray carriage return", {raw: "T0007,C001,2025-01-21,10,in,online,1\rT0008,C001,2025-01-22,11,in,online,1"})]}},
  {name: "CRLF and LF lines mixed in one file", kind: "line endings",
    files: {"transactions.csv": T.split("\n").map((l, i) => (l && i % 2 ? `${l}\r` : l)).join("\n")},
    expect: {quarantine: [], verify: {sql: "SELECT txn_id, client_initiated FROM x_transactions WHERE txn_id IN ('T0001', 'T0002') ORDER BY 1", rows: [{txn_id: "T0001", client_initiated: true}, {txn_id: "T0002", client_initiated: true}]}}},
  {name: "a file whose line breaks are carriage returns only", kind: "line endings",
    files: {"transactions.csv": T.replaceAll("\n", "\r")},
    expect: {error: {file: "transactions.csv", line: 1, message: /carriage returns only/}}},
  {name: "a blank line, then a duplicate: its raw text is its own line", kind: "line endings",
    files: {"transactions.csv": withLines(withLine(T, 5, `\n${T.split("\n")[4]}`), "T0002,C002,2025-01-06,1,out,atm,1")},
    expect: {quarantine: [tx(9, "duplicate key", {raw: "T0002,C002,2025-01-06,1,out,atm,1"})]}},
  {name: "a line of spaces", kind: "line endings",
    files: {"transactions.csv": withLines(T, "   ")},
    expect: {quarantine: [tx(8, "too few fields", {raw: "   "})]}},
  {name: "a Ctrl-Z end-of-file mark after the last line", kind: "line endings",
    files: {"transactions.csv": T + "\x1a"},
    expect: {quarantine: [tx(8, "too few fields")]}},
  {name: "a blank CRLF line in the middle of a CRLF file", kind: "line endings",
    files: {"transactions.csv": crlf(withLine(T, 4, `${T.split("\n")[3]}\n`))},
    expect: {quarantine: [], verify: {sql: "SELECT count(*) AS n FROM x_transactions WHERE NOT ends_with(txn_id, chr(13))", rows: [{n: 6}]}}},
  {name: "a stray carriage return in a Windows file, then a duplicate", kind: "line endings",
    files: {"transactions.csv": crlf(withLines(T, "T0007,C001,2025-01-21,10\r,in,online,1", "T0001,C002,2025-01-06,1,out,atm,1"))},
    expect: {quarantine: [tx(8, "stray carriage return"), tx(9, "duplicate key", {raw: "T0001,C002,2025-01-06,1,out,atm,1"})]}},

  {name: "a byte-order mark on a file without a header", kind: "line endings",
    files: {"branches.csv": `\uFEFF${files["branches.csv"].split("\n").slice(1).join("\n")}`}, tables: {branches: {path: "branches.csv", header: false}},
    expect: {quarantine: [], verify: {sql: "SELECT branch_id FROM x_branches ORDER BY 1", rows: [{branch_id: "B01"}, {branch_id: "B02"}]}}},

  // Fields per record.
  {name: "a line cut short mid-file", kind: "fields",
    files: {"transactions.csv": withLine(T, 4, "T0003,C002,2025-01-07")},
    expect: {quarantine: [tx(4, "too few fields", {raw: "T0003,C002,2025-01-07"})]}},
  {name: "an extra field", kind: "fields",
    files: {"transactions.csv": withLines(T, "T0007,C001,2025-01-21,10,in,online,1,extra")},
    expect: {quarantine: [tx(8, "too many fields")]}},
  {name: "a trailing delimiter on one line", kind: "fields",
    files: {"transactions.csv": withLines(T, "T0007,C001,2025-01-21,10,in,online,1,")},
    expect: {quarantine: [tx(8, "too many fields")]}},
  {name: "ragged rows", kind: "fields",
    files: {"transactions.csv": withLines(T, "T0007,C001,2025", "T0008,C001,2025-01-21,10,in,online,1,x,y", "T0009")},
    expect: {quarantine: [tx(8, "too few fields"), tx(9, "too many fields"), tx(10, "too few fields")]}},
  {name: "a two-character delimiter with a field missing", kind: "fields",
    files: {"transactions.csv": withLines(T.replaceAll(",", "||"), "T0007||C001||2025-01-21||10||in||online")},
    tables: {transactions: {path: "transactions.csv", delimiter: "||"}},
    expect: {quarantine: [tx(8, "too few fields")]}},
  {name: "a quoted field holding the delimiter, in a record one field short", kind: "fields",
    files: {"transactions.csv": withLines(T, '"T0007,C001",2025-01-21,10,in,online,1')},
    expect: {quarantine: [tx(8, "too few fields", {raw: '"T0007,C001",2025-01-21,10,in,online,1'})]}},

  // Empty files and headers.
  {name: "an empty file", kind: "header", files: {"branches.csv": ""}, expect: {error: {file: "branches.csv", message: /^branches\.csv: empty file/}}},
  {name: "a file holding only a byte-order mark", kind: "header", files: {"branches.csv": "\uFEFF"}, expect: {error: {file: "branches.csv", message: /empty file/}}},
  {name: "a file of blank lines", kind: "header", files: {"branches.csv": "\n\n\n"}, expect: {error: {file: "branches.csv", message: /empty file/}}},
  {name: "a required table whose every record is quarantined", kind: "header",
    files: {"transactions.csv": withLines(`${txHeader}\n`, "T1,C001,yesterday,1,in,atm,1", "T2,C001,today,1,in,atm,1")},
    expect: {error: {file: "transactions.csv", message: /none of its 2 records was accepted: not a date: txn_date \(2\)/}}},
  {name: "duplicate column names", kind: "header",
    files: {"transactions.csv": withLine(T, 1, `${txHeader},amount`)},
    expect: {error: {file: "transactions.csv", line: 1, message: /duplicate column name "amount" \(columns 4 and 8\)/}}},
  {name: "duplicate column names that differ in case", kind: "header",
    files: {"clients.csv": withLine(C, 1, C.split("\n")[0] + ",CLIENT_ID")},
    expect: {error: {file: "clients.csv", line: 1, message: /duplicate column name "CLIENT_ID" \(columns 1 and 8\)/}}},
  {name: "header: false on a file whose first row is the header", kind: "header",
    files: {}, tables: {branches: {path: "branches.csv", header: false}},
    expect: {error: {file: "branches.csv", line: 1, message: /the first row names the columns .* header: false/}}},
  {name: "a missing required column", kind: "header",
    files: {"transactions.csv": T.split("\n").map((l) => l.split(",").slice(0, 6).join(",")).join("\n")},
    expect: {error: {file: "transactions.csv", line: 1, message: /missing required column client_initiated/}}},
  {name: "a semicolon file read as comma-separated", kind: "header",
    files: {"clients.csv": C.replaceAll(",", ";")},
    expect: {error: {file: "clients.csv", line: 1, message: /is the delimiter ';'\?/}}},
  {name: "a header pasted again mid-file (two exports joined)", kind: "header",
    files: {"transactions.csv": withLines(T, txHeader, "T0007,C001,2025-01-21,10,in,online,1")},
    expect: {quarantine: [tx(8, "repeated header")]}},
  {name: "a header pasted again behind a byte-order mark", kind: "header",
    files: {"transactions.csv": withLines(T, `\uFEFF${txHeader}`, "T0007,C001,2025-01-21,10,in,online,1")},
    expect: {quarantine: [tx(8, "repeated header")]}},

  // Encodings: decoded strictly, or refused by name.
  {name: "a UTF-8 file declared GBK", kind: "encoding",
    files: {}, tables: {clients: {path: "clients.csv", encoding: "gbk"}},
    expect: {error: {file: "clients.csv", message: /declared gbk but the file is UTF-8/}}},
  {name: "a byte that is not GBK in a GBK file", kind: "encoding",
    files: {"clients.csv": bytes(encodeGbk(C.split("\n").slice(0, 2).join("\n") + "\nC002,retail,"), [0xff, 0xfe], encodeGbk(",B02,2021-03-02,F,1990-07-12\n"))},
    tables: {clients: {path: "clients.csv", encoding: "gbk"}},
    expect: {error: {file: "clients.csv", line: 3, message: /bytes that are not valid gbk at byte offset \d+/}}},
  {name: "an invalid four-byte sequence in a GB18030 file", kind: "encoding",
    files: {"branches.csv": bytes(encodeGbk(files["branches.csv"]), "B03,", [0x81, 0x30, 0x81, 0x20], ",x,y\n")},
    tables: {branches: {path: "branches.csv", encoding: "gb18030"}},
    expect: {error: {file: "branches.csv", line: 4, message: /not valid gb18030 at byte offset/}}},
  {name: "a GBK file not declared", kind: "encoding",
    files: {"clients.csv": encodeGbk(C)},
    expect: {error: {file: "clients.csv", line: 2, message: /not valid UTF-8 at byte offset \d+; if the file is GBK, set `encoding: gbk`/}}},
  {name: "GBK bytes 3,000 lines down a UTF-8 file", kind: "encoding",
    files: {"transactions.csv": bytes(withLines(T, ...Array.from({length: 3000}, (_, i) => `T${9000 + i},C001,2025-01-03,1,out,mobile,1`)), encodeGbk("T8999,C001,2025-01-03,1,out,柜面,1\n"))},
    expect: {error: {file: "transactions.csv", line: 3008, message: /not valid UTF-8/}}},
  {name: "UTF-16 little-endian with a byte-order mark", kind: "encoding",
    files: {"branches.csv": bytes([0xff, 0xfe], Buffer.from(files["branches.csv"], "utf16le"))},
    expect: {error: {file: "branches.csv", line: 1, message: /looks like UTF-16 \(little-endian\)/}}},
  {name: "UTF-16 little-endian without a byte-order mark", kind: "encoding",
    files: {"branches.csv": Buffer.from("branch_id\tbranch_name\tparent_branch\tregion\nB01\tEast\tHZ\tEast\n", "utf16le")},
    expect: {error: {file: "branches.csv", line: 1, message: /looks like UTF-16 \(little-endian\)/}}},
  {name: "UTF-16 big-endian with a byte-order mark", kind: "encoding",
    files: {"branches.csv": bytes([0xfe, 0xff], Buffer.from(files["branches.csv"], "utf16le").swap16())},
    expect: {error: {file: "branches.csv", line: 1, message: /looks like UTF-16 \(big-endian\)/}}},
  {name: "an invalid UTF-8 sequence mid-file", kind: "encoding",
    files: {"transactions.csv": bytes(T.split("\n").slice(0, 4).join("\n") + "\nT0004,C003,2025-01-10,1000000,in,onl", [0xc3, 0x28], "ine,0\n")},
    expect: {error: {file: "transactions.csv", line: 5, message: /not valid UTF-8 at byte offset \d+/}}},
  {name: "a UTF-8 character cut off at the end of the file", kind: "encoding",
    files: {"branches.csv": bytes(files["branches.csv"] + "B03,城", [0xe5, 0x8c])},
    expect: {error: {file: "branches.csv", line: 4, message: /not valid UTF-8/}}},
  {name: "Latin-1 accents in a UTF-8 file", kind: "encoding",
    files: {"branches.csv": bytes(files["branches.csv"] + "B03,Caf", [0xe9], ",Lisboa,Sul\n")},
    expect: {error: {file: "branches.csv", line: 4, message: /not valid UTF-8/}}},
  {name: "a NUL byte inside a key", kind: "encoding",
    files: {"transactions.csv": withLines(T, "T00\u00007,C001,2025-01-21,10,in,online,1")},
    expect: {quarantine: [tx(8, "NUL byte", {raw: "T00\u00007,C001,2025-01-21,10,in,online,1"})]}},
  {name: "a NUL byte inside a quoted field spanning lines", kind: "encoding",
    files: {"transactions.csv": withLines(T, 'T0007,C001,2025-01-21,10,in,"on\nl\u0000ine",1')},
    expect: {quarantine: [tx(8, "NUL byte"), tx(9, "NUL byte")]}},

  // Values: overflow, non-numbers, Excel's damage.
  ...[
    ["1e400", "out of range: amount"], ["1.8e308", "out of range: amount"], ["-1e400", "out of range: amount"], ["1e16", "out of range: amount"],
    ["NaN", "not a number: amount"], ["Infinity", "not a number: amount"], ["inf", "not a number: amount"],
    ["１２３", "not a number: amount"], ['"1,234.50"', "not a number: amount"], ["¥100", "not a number: amount"], ["-5", "below minimum: amount"],
  ].map(([amount, reason]): MalformedCase => ({
    name: `an amount of ${amount}`, kind: "values",
    files: {"transactions.csv": withLines(T, `T0007,C001,2025-01-21,${amount},in,online,1`)},
    expect: {quarantine: [tx(8, reason)]},
  })),
  {name: "an integer that does not fit 64 bits", kind: "values",
    files: {"campaigns.csv": campaigns("K1,春季,referral,2025-01-01,2025-01-31,99999999999999999999")}, tables: campaignSource,
    expect: {quarantine: [q("campaigns", 2, "out of range: target_clients")]}},
  {name: "a client id Excel turned into 1.23457E+17", kind: "values",
    files: {"clients.csv": withLines(C, "1.23457E+17,retail,赵六,B01,2020-01-15,M,1980-01-01")},
    expect: {quarantine: [q("clients", 6, "scientific notation: client_id")]}},
  {name: "a direction in capitals", kind: "values",
    files: {"transactions.csv": withLines(T, "T0007,C001,2025-01-21,10,IN,online,1")},
    expect: {quarantine: [tx(8, "not an allowed value: direction")]}},
  {name: "a flag that is not a boolean", kind: "values",
    files: {"transactions.csv": withLines(T, "T0007,C001,2025-01-21,10,in,online,maybe")},
    expect: {quarantine: [tx(8, "not a boolean: client_initiated")]}},
  {name: "a settlement share above 1", kind: "values",
    files: {"corporate.csv": corporate("C003,2024Q4,software,1,1,1.5")}, tables: {corporate_metrics: {path: "corporate.csv"}},
    expect: {quarantine: [q("corporate_metrics", 2, "above maximum: settlement_share")]}},
  {name: "a point as decimal mark where the comma is declared", kind: "values",
    files: {"transactions.csv": withLines(T.replaceAll(",", ";").replaceAll(/(\d)\.(\d)/g, "$1,$2"), "T0007;C001;2025-01-21;1.5;in;online;1")},
    tables: {transactions: {path: "transactions.csv", delimiter: ";", decimalSeparator: ","}},
    expect: {quarantine: [tx(8, "not a number: amount")]}},
  ...[["2025/01/21", "not a date: txn_date"], ["20250121", "not a date: txn_date"], ["2025-02-30", "impossible date: txn_date"], ["21.01.2025", "not a date: txn_date"]].map(
    ([date, reason]): MalformedCase => ({name: `a transaction dated ${date}`, kind: "values", files: {"transactions.csv": withLines(T, `T0007,C001,${date},10,in,online,1`)}, expect: {quarantine: [tx(8, reason)]}})
  ),
  {name: "an amount in a Parquet file that is infinite", kind: "values",
    files: {"transactions.csv": null}, tables: {transactions: {path: "transactions.parquet"}},
    prepare: async (dir) => {
      const {openDuckDb} = await import("../../loaders/engine/duckdb.js");
      const engine = await openDuckDb();
      await engine.run(`COPY (SELECT * FROM (VALUES ('T1', 'C001', DATE '2025-01-03', 10.0::DOUBLE, 'out', 'atm', true), ('T2', 'C001', DATE '2025-01-04', 'inf'::DOUBLE, 'out', 'atm', true))
        t(txn_id, client_id, txn_date, amount, direction, channel, client_initiated)) TO '${dir}/transactions.parquet' (FORMAT parquet)`);
      engine.close();
    },
    expect: {quarantine: [tx(2, "not a number: amount")]}},
  {name: "a SQL source that yields NaN", kind: "sources",
    files: {}, tables: {transactions: {sql: "SELECT * REPLACE (CASE WHEN txn_id = 'T0003' THEN 'NaN' ELSE amount END AS amount) FROM read_csv('{dir}/transactions.csv', all_varchar = true)"}},
    expect: {quarantine: [tx(3, "not a number: amount")]}},

  // Plausibility: dates in a window and after nothing the as-of date has not seen yet.
  ...[["0001-01-21", "date out of range: txn_date"], ["9999-12-31", "date out of range: txn_date"], ["1899-12-31", "date out of range: txn_date"], ["2080-06-01", "after the as-of date: txn_date"], ["2025-03-04", "after the as-of date: txn_date"]].map(
    ([date, reason]): MalformedCase => ({name: `a transaction dated ${date}`, kind: "plausibility", files: {"transactions.csv": withLines(T, `T0007,C001,${date},10,in,online,1`)}, expect: {quarantine: [tx(8, reason)]}})
  ),
  {name: "a client opened in 2040", kind: "plausibility",
    files: {"clients.csv": withLines(C, "C005,retail,赵六,B01,2040-01-01,M,1980-01-01")},
    expect: {quarantine: [q("clients", 6, "after the as-of date: open_date")]}},
  {name: "a client opened before being born", kind: "plausibility",
    files: {"clients.csv": withLines(C, "C005,retail,赵六,B01,2020-01-15,M,2021-01-01")},
    expect: {quarantine: [q("clients", 6, "opened before born: open_date")]}},
  {name: "a client closed before opening", kind: "plausibility",
    files: {"clients.csv": clientsWithClose("C005,retail,赵六,B01,2020-01-15,M,1980-01-01,2019-12-31")},
    expect: {quarantine: [q("clients", 6, "closed before opened: close_date")]}},
  {name: "a balance month of year 1", kind: "plausibility",
    files: {"balances.csv": withLines(B, "C001,0001-01,fund,1,1")},
    expect: {quarantine: [q("balances", 7, "date out of range: month")]}},
  {name: "a stray balance month years after the rest (as-of derived)", kind: "plausibility",
    files: {"balances.csv": withLines(B, ...["time", "wealth", "fund", "insurance"].flatMap((p) => [`C002,2025-01,${p},1,1`, `C004,2025-01,${p === "wealth" ? "demand" : p},1,1`]), "C001,2031-05,fund,1,1")},
    expect: {quarantine: [q("balances", 15, "after the as-of date: month")]}},
  {name: "a balance month after a configured as-of date", kind: "plausibility",
    files: {"balances.csv": withLines(B, "C001,2025-02,fund,1,1")}, extract: {asOf: "2025-01-31"},
    expect: {quarantine: [q("balances", 7, "after the as-of date: month")]}},
  {name: "a quarter of year 1 in corporate metrics", kind: "plausibility",
    files: {"corporate.csv": corporate("C003,2024Q4,software,1,1,", "C003,0001Q1,software,1,1,")}, tables: {corporate_metrics: {path: "corporate.csv"}},
    expect: {quarantine: [q("corporate_metrics", 3, "date out of range: quarter")]}},
  {name: "a transaction before the client opened", kind: "plausibility",
    files: {"transactions.csv": withLines(T, "T0007,C004,2021-05-01,10,in,online,1")},
    expect: {quarantine: [tx(8, "before the client's opening date: txn_date")]}},
  {name: "a transaction before the client opened, counted as a warning", kind: "plausibility",
    files: {"transactions.csv": withLines(T, "T0007,C004,2021-05-01,10,in,online,1")}, extract: {checks: {activityBeforeOpening: "warn"}},
    expect: {quarantine: [], warnings: {transactions: {"before the client's opening date: txn_date": 1}}}},
  {name: "a balance month before the client opened", kind: "plausibility",
    files: {"balances.csv": withLines(B, "C004,2022-05,fund,1,1")},
    expect: {quarantine: [q("balances", 7, "before the client's opening date: month")]}},
  {name: "a campaign that ends before it starts", kind: "plausibility",
    files: {"campaigns.csv": campaigns("K1,春季,referral,2025-01-20,2025-01-10,")}, tables: campaignSource,
    expect: {quarantine: [q("campaigns", 2, "ends before it starts: end_date")]}},
  {name: "a self-referral", kind: "plausibility",
    files: {"campaigns.csv": campaigns("K1,春季,referral,2025-01-01,2025-01-31,"), "members.csv": "campaign_id,client_id,group,branch_id,referrer_id\nK1,C001,treatment,B01,C001\nK1,C002,treatment,B01,C001\n"},
    tables: {...campaignSource, campaign_members: {path: "members.csv"}},
    expect: {quarantine: [q("campaign_members", 2, "self-referral: referrer_id")]}},
  {name: "corporate metrics for a retail client", kind: "plausibility",
    files: {"corporate.csv": corporate("C003,2024Q4,software,1,1,", "C001,2024Q4,software,1,1,")}, tables: {corporate_metrics: {path: "corporate.csv"}},
    expect: {quarantine: [q("corporate_metrics", 3, "not a corporate client: client_id")]}},

  // Size: long records are quarantined with their line range and length, not crashed on.
  {name: "a 2 MB field", kind: "size",
    files: {"transactions.csv": withLines(T, `T0007,C001,2025-01-21,10,in,${"x".repeat(2_000_000)},1`)},
    expect: {quarantine: [tx(8, "record too long", {raw: null, rawBytes: 2_000_030})]}},
  {name: "a 10 MB quoted field", kind: "size",
    files: {"transactions.csv": withLines(T, `T0007,C001,2025-01-21,10,in,"${"中".repeat(3_500_000)}",1`, "T0008,C001,2025-01-22,10,in,online,1")},
    expect: {quarantine: [tx(8, "record too long", {raw: null, rawBytes: 10_500_032})]}},
  {name: "a quoted field that runs on for 1.1 MB of lines", kind: "size",
    files: {"transactions.csv": withLines(T, 'T0007,C001,2025-01-21,10,in,"', ...Array.from({length: 11_000}, () => "y".repeat(100)), '",1')},
    expect: {quarantine: [tx(8, "unclosed quote"), ...Array.from({length: 11_000}, (_, i) => tx(9 + i, "too few fields")), tx(11_009, "unclosed quote")]}},
  {name: "a line over a configured maxRecordBytes of 2048", kind: "size",
    files: {"transactions.csv": withLines(T, `T0007,C001,2025-01-21,10,in,online${" ".repeat(5000)},1`)}, extract: {checks: {maxRecordBytes: 2048}},
    expect: {quarantine: [tx(8, "record too long", {raw: null, rawBytes: 5036})]}},

  // Paths stay inside the extract folder.
  {name: "a table path up to /etc/passwd", kind: "paths",
    files: {}, tables: {transactions: {path: "../../../../../../../../etc/passwd"}},
    expect: {error: {file: "extract.tables.transactions.path", message: /outside the extract folder: \.\.\/\.\.\/.*etc\/passwd/}}},
  {name: "an absolute table path", kind: "paths",
    files: {}, tables: {transactions: {path: "/etc/passwd"}},
    expect: {error: {file: "extract.tables.transactions.path", message: /outside the extract folder: \/etc\/passwd/}}},
  {name: "a table path that climbs out through a subfolder", kind: "paths",
    files: {}, tables: {transactions: {path: "sub/../../transactions.csv"}},
    expect: {error: {file: "extract.tables.transactions.path", message: /outside the extract folder/}}},
  {name: "a root that does not cover the path", kind: "paths",
    files: {}, tables: {transactions: {path: "../elsewhere/transactions.csv"}}, extract: {roots: ["../reference"]},
    expect: {error: {file: "extract.tables.transactions.path", message: /outside the extract folder/}}},

  // Sources and configuration.
  {name: "a table the contract does not know", kind: "sources", files: {}, tables: {accounts: {path: "accounts.csv"}},
    expect: {error: {file: "extract.tables.accounts", message: /not in the extract contract/}}},
  {name: "a required table without a source", kind: "sources", files: {}, tables: {balances: undefined},
    expect: {error: {file: "extract.tables.balances", message: /missing source for required table balances/}}},
  {name: "a missing file", kind: "sources", files: {"transactions.csv": null},
    expect: {error: {file: "transactions.csv", message: /missing file/}}},
  {name: "a column mapping to a contract column that does not exist", kind: "sources", files: {}, tables: {clients: {path: "clients.csv", columns: {customer: "client_id"}}},
    expect: {error: {file: "clients.csv", message: /invalid column mapping: customer/}}},
];
