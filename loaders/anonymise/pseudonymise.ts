// Pseudonymisation in the engine: every client id gets its keyed pseudonym
// (pseudonym.ts), and pid_map is the one table that holds both.

import {pseudonym} from "./pseudonym.js";
import {keyBatches} from "../engine/keyBatches.js";
import type {DuckDbEngine} from "../engine/duckdb.js";

/**
 * pid_map(client_id, client_pid, client_no): the only table that holds both
 * the client id and its pseudonym. client_no numbers the pseudonyms in their
 * sort order (1, 2, …): a compact key for the engine's own joins and groups,
 * which says nothing about the client id.
 */
export async function pseudonymise(engine: DuckDbEngine, key: string): Promise<number> {
  await engine.run(`CREATE TABLE pid_list (client_id VARCHAR, client_pid VARCHAR)`);
  // A batch at a time: millions of ids and pseudonyms never sit in Node at once.
  for await (const ids of keyBatches(engine, {column: "client_id", from: "x_clients"})) {
    await engine.appendRows("pid_list", ["client_id", "client_pid"], ids.map((id) => [id, pseudonym(key, id)]));
  }
  await engine.run(`CREATE TABLE pid_map AS
    SELECT client_id, client_pid, CAST(ROW_NUMBER() OVER (ORDER BY client_pid) AS INTEGER) AS client_no FROM pid_list`);
  await engine.run(`DROP TABLE pid_list`);
  const [{n, distinct}] = await engine.all<{n: number; distinct: number}>(
    `SELECT COUNT(*) AS n, COUNT(DISTINCT client_pid) AS "distinct" FROM pid_map`
  );
  if (n !== distinct) throw new Error(`pseudonym collision: ${n - distinct} client ids share a pseudonym`);
  return n;
}
