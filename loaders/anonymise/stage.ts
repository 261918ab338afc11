// The anonymised staging tables (s_*): the validated extract with pseudonyms
// for client ids, direct identifiers left behind, quasi-identifiers generalised.

import type {TableSpec} from "../contract/tables.js";
import type {DuckDbEngine} from "../engine/duckdb.js";
import {stagingSql, type AgeBand} from "./staging.js";

/** `tables`: the extract's tables with the configuration's own (extractContract); default the contract alone. */
export async function stage(engine: DuckDbEngine, {ageBands, minGroup, tables}: {ageBands: readonly AgeBand[]; minGroup: number; tables?: readonly TableSpec[]}): Promise<void> {
  const asOf = (await engine.all<{q_end: string}>(`SELECT CAST(MAX(q_end) AS VARCHAR) AS q_end FROM periods`))[0]?.q_end;
  if (!asOf) throw new Error("invalid reporting calendar: no quarters");
  for (const sql of stagingSql({asOf, ageBands, minGroup, tables})) await engine.run(sql);
}
