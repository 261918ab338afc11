import {toCents} from "./cents.js";
import {assembleMatrix} from "./assembleMatrix.js";
import {indexById, ladderRank, rankOf} from "./ladder.js";
import {ENTERED, EXITED, type MigrationRecord, type TransitionMatrix, type TransitionOptions} from "./types.js";

/**
 * Flows of clients between two periods (any two: nothing assumes they are
 * adjacent). Rows are the earlier period's tiers (then "new"), columns the
 * later period's tiers (then "exited"). AUM of a flow is the later period's
 * AUM, except for exits, which carry what the bank lost: the earlier AUM.
 */
export function transitionMatrix(
  from: readonly MigrationRecord[],
  to: readonly MigrationRecord[],
  {states, includeEntries = true, includeExits = true}: TransitionOptions
): TransitionMatrix {
  const rank = ladderRank(states);
  const earlier = indexById(from, "earlier period");
  const later = indexById(to, "later period");
  const k = states.length;
  const rows = includeEntries ? [...states, ENTERED] : [...states];
  const columns = includeExits ? [...states, EXITED] : [...states];
  const counts = rows.map(() => columns.map(() => 0));
  const cents = rows.map(() => columns.map(() => 0));
  const add = (i: number, j: number, aum: number | undefined) => {
    counts[i][j] += 1;
    cents[i][j] += toCents(aum);
  };

  for (const [id, before] of earlier) {
    const i = rankOf(rank, before);
    const after = later.get(id);
    if (after) add(i, rankOf(rank, after), after.aum);
    else if (includeExits) add(i, k, before.aum);
  }
  for (const [id, after] of later) {
    const j = rankOf(rank, after); // validates the state even when entries are left out
    if (includeEntries && !earlier.has(id)) add(k, j, after.aum);
  }

  return assembleMatrix({states, rows, columns, counts, cents});
}
