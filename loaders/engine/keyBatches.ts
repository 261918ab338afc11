// Reads one text column of a table in key order, a batch at a time, by keyset
// pagination (WHERE key > last ORDER BY key LIMIT n): portable to every
// engine, and Node never holds more than one batch. For the few steps that
// must see every client id in Node (pseudonyms, the training sample's hash
// order), so that 50 million clients cost 100,000 strings of memory at a time.

import {literal} from "./dialect.js";
import type {Engine} from "./duckdb.js";

export interface KeyBatchesOptions {
  /** Column of distinct, non-null text keys (a client id or pseudonym). */
  column: string;
  /** Table or aliased relation, e.g. "features f". */
  from: string;
  where?: string;
  batchRows?: number;
}

export async function* keyBatches(engine: Engine, {column, from, where = "TRUE", batchRows = 100_000}: KeyBatchesOptions): AsyncGenerator<string[]> {
  let last: string | undefined;
  for (;;) {
    const after = last === undefined ? "" : ` AND ${column} > ${literal(last)}`;
    const rows = await engine.all<{k: string}>(`SELECT ${column} AS k FROM ${from} WHERE (${where})${after} ORDER BY ${column} LIMIT ${batchRows}`);
    if (rows.length === 0) return;
    const keys = rows.map((r) => r.k);
    yield keys;
    if (keys.length < batchRows) return;
    last = keys.at(-1);
  }
}
