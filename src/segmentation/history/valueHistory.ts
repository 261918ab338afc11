// The history features that churn rules read: whether a client was ever a
// value client before this quarter, and for how many consecutive quarters
// (this one included) the client has been below the value line.
//
// DOMAIN.md: a former value client whose AUM fell below the value line and
// stayed there counts as churned; the configured churn rule decides how long
// "stayed" is (default: two quarters).

import type {ClientPeriod} from "../types.js";

export interface ValueHistory {
  /** Value client in some earlier quarter. */
  everValue: boolean;
  /** Consecutive quarters below the value line, up to and including the last one seen. */
  quartersBelow: number;
}

/**
 * Adds `was_value_client` and `quarters_below_value` to one quarter's records,
 * given the history up to the previous quarter, and returns the history that
 * includes this quarter. Clients absent this quarter keep their history.
 */
export function valueHistory(
  records: readonly ClientPeriod[],
  previous: ReadonlyMap<string, ValueHistory>,
  isValue: (record: ClientPeriod) => boolean,
  {idField = "client_pid"}: {idField?: string} = {}
): {records: ClientPeriod[]; history: Map<string, ValueHistory>} {
  const history = new Map(previous);
  const out = records.map((record) => {
    const id = String(record[idField]);
    const before = previous.get(id) ?? {everValue: false, quartersBelow: 0};
    const value = isValue(record);
    const quartersBelow = value ? 0 : before.quartersBelow + 1;
    history.set(id, {everValue: before.everValue || value, quartersBelow});
    // Object.assign, not a spread: spread copies of wide records are far slower to read in V8.
    return Object.assign({}, record, {was_value_client: before.everValue, quarters_below_value: quartersBelow});
  });
  return {records: out, history};
}
