// The raw text of records by number, from a relation that numbers them (rid):
// the wanted numbers go into a temporary table first, so that thousands of
// them make a join, not a statement thousands of literals long.

import type {Engine} from "../engine/duckdb.js";
import {ident} from "./sql.js";

export async function rawTextByRid(engine: Engine, numbered: string, rids: readonly number[], table: string): Promise<Map<number, string>> {
  const wanted = `_raw_wanted_${table}`;
  await engine.run(`CREATE OR REPLACE TEMP TABLE ${ident(wanted)} (rid BIGINT)`);
  try {
    await engine.appendRows(wanted, ["rid"], rids.map((rid) => [rid]));
    const rows = await engine.all<{rid: number; raw: string}>(`SELECT n.rid, n.raw FROM ${numbered} n JOIN ${ident(wanted)} w ON w.rid = n.rid`);
    return new Map(rows.map((r) => [r.rid, r.raw]));
  } finally {
    await engine.run(`DROP TABLE IF EXISTS ${ident(wanted)}`);
  }
}
