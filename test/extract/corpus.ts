// A small, valid extract (2 branches, 4 clients, 5 balances, 6 transactions)
// that each corpus case breaks in one way, written to a fresh temp folder.

import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parse} from "yaml";
import type {Config, TableSource} from "../../src/config/schema.js";

export const files = {
  "branches.csv": `branch_id,branch_name,parent_branch,region
B01,城东支行,杭州分行,华东
B02,城西支行,杭州分行,华东
`,
  "clients.csv": `client_id,client_type,name,branch_id,open_date,gender,birth_date
C001,retail,张三,B01,2020-01-15,M,1980-05-01
C002,retail,李四,B02,2021-03-02,F,1990-07-12
C003,corporate,杭州某某科技有限公司,B01,2019-11-30,,
C004,retail,王五,B02,2022-06-18,M,1975-12-31
`,
  "balances.csv": `client_id,month,product,avg_daily_balance,month_end_balance
C001,2025-01,demand,120000.50,118000
C001,2025-01,time,500000,500000
C002,2025-01,demand,3000,2800
C003,2025-01,corporate_demand,8000000,7500000
C004,2025-01,wealth,250000,260000
`,
  "transactions.csv": `txn_id,client_id,txn_date,amount,direction,channel,client_initiated
T0001,C001,2025-01-03,1200.00,out,mobile,1
T0002,C001,2025-01-05,50000,in,counter,true
T0003,C002,2025-01-07,88.5,out,pos,Y
T0004,C003,2025-01-10,1000000,in,online,0
T0005,C004,2025-01-12,300,out,atm,N
T0006,C004,2025-01-20,15.75,in,online,是
`,
};

export type Files = Record<string, string | Uint8Array>;

/** Writes the base extract with `changes` applied (a null content removes the file). */
export function writeExtract(changes: Record<string, string | Uint8Array | null> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "extract-test-"));
  const all: Record<string, string | Uint8Array | null> = {...files, ...changes};
  for (const [name, content] of Object.entries(all)) if (content !== null) writeFileSync(join(dir, name), content);
  return dir;
}

const defaults = parse(readFileSync(new URL("../../data/config.default.yaml", import.meta.url), "utf8")) as Config;

/** The default configuration with only the four required tables, plus `tables` overrides. */
export function configWith(tables: Record<string, TableSource | undefined> = {}): Config {
  const base: Record<string, TableSource> = {
    branches: {path: "branches.csv"},
    clients: {path: "clients.csv"},
    balances: {path: "balances.csv"},
    transactions: {path: "transactions.csv"},
  };
  for (const [name, source] of Object.entries(tables)) {
    if (source === undefined) delete base[name];
    else base[name] = source;
  }
  return {...defaults, extract: {dir: "extract", tables: base}};
}

// GBK has no encoder in Node; build one by decoding every double-byte code.
let gbkTable: Map<string, number[]> | undefined;
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== "\ufffd" && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`invalid gbk character: ${ch}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}

/** Replaces line `n` (1-based, header = 1) of a file's text. */
export function withLine(text: string, n: number, line: string): string {
  const lines = text.split("\n");
  lines[n - 1] = line;
  return lines.join("\n");
}

/** Appends lines to a file's text. */
export const withLines = (text: string, ...lines: string[]) => text + lines.map((l) => `${l}\n`).join("");
