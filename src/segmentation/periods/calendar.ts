// The reporting calendar: which quarters the extract covers well enough to
// report. Average daily AUM counts a month without a balance row as zero, so a
// quarter the balances cover only in part (an extract that ends on 2026-01-31,
// or starts in the middle of a quarter) would show every client's AUM falling
// by a third or two — a mass "downgrade" that is an artefact of the extract.
// Such quarters at either end are left out and reported; a gap inside the
// range is reported and kept (dropping it would break the migration chain).

import {parseQuarter, quarterOfMonth, quarterRange} from "./quarters.js";

export interface IncompleteQuarter {
  quarter: string;
  /** The quarter's months the balances cover ("2026-01"). */
  balanceMonths: string[];
  /** false when the quarter was left out of the reporting quarters. */
  kept: boolean;
}

export interface ReportingCalendar {
  quarters: string[];
  incomplete: IncompleteQuarter[];
}

/**
 * @param months every month with data (balances or transactions), "YYYY-MM"
 * @param balanceMonths the months the balances cover; empty for an extract
 *   without balances, whose calendar is then simply every quarter with data
 */
export function reportingCalendar({months, balanceMonths}: {months: readonly string[]; balanceMonths: readonly string[]}): ReportingCalendar {
  if (months.length === 0) return {quarters: [], incomplete: []};
  const sorted = [...months].sort();
  const range = quarterRange(quarterOfMonth(sorted[0]), quarterOfMonth(sorted.at(-1)!));
  if (balanceMonths.length === 0) return {quarters: range, incomplete: []};
  const covered = new Set(balanceMonths);
  const coverage = range.map((quarter) => ({quarter, balanceMonths: parseQuarter(quarter).months.filter((m) => covered.has(m))}));
  const complete = coverage.map((c) => c.balanceMonths.length === 3);
  const first = complete.indexOf(true);
  const last = complete.lastIndexOf(true);
  // Not one full quarter (an extract of a single month, say): report what there is.
  const [from, to] = first === -1 ? [0, range.length - 1] : [first, last];
  return {
    quarters: range.slice(from, to + 1),
    incomplete: coverage.flatMap((c, i) => (complete[i] ? [] : [{...c, kept: i >= from && i <= to}])),
  };
}
