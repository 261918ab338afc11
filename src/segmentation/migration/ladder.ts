import {ENTERED, EXITED, type MigrationRecord} from "./types.js";

/** Position of each tier on the ladder; rank decides upgrade or downgrade. */
export function ladderRank(states: readonly string[]): Map<string, number> {
  if (!states.length) throw new Error("invalid states: []");
  const rank = new Map<string, number>();
  for (const state of states) {
    // "new" and "exited" label the extra row and column, so a tier cannot use them.
    if (state === ENTERED || state === EXITED || rank.has(state)) throw new Error(`invalid states: ${state}`);
    rank.set(state, rank.size);
  }
  return rank;
}

export function rankOf(rank: Map<string, number>, record: MigrationRecord): number {
  const i = rank.get(record.state);
  if (i === undefined) throw new Error(`invalid state: ${record.state}`);
  return i;
}

/** One record per client: a repeated id would count a client twice. */
export function indexById(records: readonly MigrationRecord[], period = "period"): Map<MigrationRecord["id"], MigrationRecord> {
  const index = new Map<MigrationRecord["id"], MigrationRecord>();
  for (const record of records) {
    if (index.has(record.id)) throw new Error(`invalid ${period}: duplicate id ${record.id}`);
    index.set(record.id, record);
  }
  return index;
}
