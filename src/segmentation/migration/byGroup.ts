import {indexById} from "./ladder.js";
import {migrationRates, type MigrationRates} from "./migrationRates.js";
import {transitionMatrix} from "./transitionMatrix.js";
import type {MigrationRecord, TransitionMatrix, TransitionOptions} from "./types.js";

export type GroupKey = "region" | "branch" | ((record: MigrationRecord) => string | undefined);

export interface GroupMigration {
  group: string;
  matrix: TransitionMatrix;
  rates: MigrationRates;
  /** Upgrades − downgrades: the branch league table's score. */
  netUpgrades: number;
}

export interface ByGroupOptions extends TransitionOptions {
  /** Group of a record whose key is missing. */
  missingGroup?: string;
}

/**
 * One transition matrix per group (region, branch, or any accessor). A client
 * belongs to the group of the later period — where the client is served now —
 * or, having exited, to the group of the earlier period. A client who moved
 * branch therefore counts wholly in the new branch, earlier tier included.
 * Groups come back as a league table: most net upgrades first, then by name.
 */
export function byGroup(
  from: readonly MigrationRecord[],
  to: readonly MigrationRecord[],
  key: GroupKey,
  {missingGroup = "unknown", ...options}: ByGroupOptions
): GroupMigration[] {
  const value = typeof key === "function" ? key : (record: MigrationRecord) => record[key];
  const groupOf = (record: MigrationRecord) => value(record) ?? missingGroup;
  indexById(from, "earlier period"); // a repeated id split across groups would escape the per-group check
  const later = indexById(to, "later period");

  const parts = new Map<string, {from: MigrationRecord[]; to: MigrationRecord[]}>();
  const part = (group: string) => {
    let p = parts.get(group);
    if (!p) parts.set(group, (p = {from: [], to: []}));
    return p;
  };
  for (const record of to) part(groupOf(record)).to.push(record);
  for (const record of from) {
    const after = later.get(record.id);
    part(groupOf(after ?? record)).from.push(record);
  }

  return Array.from(parts, ([group, p]) => {
    const matrix = transitionMatrix(p.from, p.to, options);
    const rates = migrationRates(matrix);
    return {group, matrix, rates, netUpgrades: rates.netUpgrades};
  }).sort((a, b) => b.netUpgrades - a.netUpgrades || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}
