// Small-cell suppression for everything the site publishes.
//
// A published count of 1–(threshold−1) clients can identify them, and so can a
// money total over those few clients (the AUM of 3 clients discloses their
// wealth), so both are blanked before anything leaves the pipeline. Zero is
// kept: "no client" discloses nobody. The threshold comes from configuration
// (privacy.suppressionThreshold), never from code.
//
// Not covered here: complementary suppression. A row total published beside
// its cells can give a blanked cell back by subtraction; transition matrices
// get it in complementary.ts, and other loaders that publish totals must
// compute them from the published cells or suppress them too.

export interface SuppressOptions {
  /** Counts c with 1 ≤ c < threshold are suppressed. */
  threshold: number;
  /** Fields holding client counts. */
  countFields: readonly string[];
  /**
   * Fields blanked with a suppressed count (sums, averages, shares). Defaults
   * to every other numeric field of the row that is not in keepFields, which is
   * the safe choice when a loader adds a field and forgets to list it.
   */
  dependentFields?: readonly string[];
  /** Fields never blanked: keys and labels that describe the cell, not its clients. */
  keepFields?: readonly string[];
}

export type Suppressed<T> = {[K in keyof T]: T[K] | null} & {suppressed: boolean};

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  return undefined;
}

/** Whether c is a count that must not be published: 1 ≤ c < threshold. */
export function isSmallCount(value: unknown, threshold: number): boolean {
  const c = toNumber(value);
  return c !== undefined && c >= 1 && c < threshold;
}

function checkThreshold(threshold: number) {
  if (!Number.isInteger(threshold) || threshold < 1) throw new Error(`invalid suppression threshold: ${threshold}`);
}

/**
 * New rows where every small count is null, its dependent fields are null,
 * and suppressed says whether anything in the row was blanked. The input rows
 * are not modified.
 */
export function suppressCounts<T extends Record<string, unknown>>(
  rows: readonly T[],
  {threshold, countFields, dependentFields, keepFields = []}: SuppressOptions
): Suppressed<T>[] {
  checkThreshold(threshold);
  const keep = new Set(keepFields);
  const counts = new Set(countFields);
  return rows.map((row) => {
    const small = countFields.filter((field) => isSmallCount(row[field], threshold));
    const out: Record<string, unknown> = {...row, suppressed: small.length > 0};
    if (small.length === 0) return out as Suppressed<T>;
    for (const field of small) out[field] = null;
    const dependent =
      dependentFields ??
      Object.keys(row).filter((field) => !counts.has(field) && toNumber(row[field]) !== undefined);
    for (const field of dependent) if (!keep.has(field) && !counts.has(field)) out[field] = null;
    return out as Suppressed<T>;
  });
}

/**
 * Whether a row was suppressed; with a field, whether that field of the row
 * was blanked (a null in an unsuppressed row is merely missing).
 */
export function isSuppressed(row: unknown, field?: string): boolean {
  if (row == null || typeof row !== "object") return false;
  const r = row as Record<string, unknown>;
  if (r.suppressed !== true) return false;
  return field === undefined || r[field] == null;
}

export interface AssertNoSmallCountsOptions {
  threshold: number;
  /** Keys whose values are counts; arrays and objects under such a key are counts throughout (matrices). */
  countFields: readonly string[];
}

function pathStep(key: string | number): string {
  if (typeof key === "number") return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/**
 * The last check before publishing: walks any JSON value and throws, naming
 * the path ($.tiers[2].count), at the first count in [1, threshold − 1].
 */
export function assertNoSmallCounts(value: unknown, {threshold, countFields}: AssertNoSmallCountsOptions): void {
  checkThreshold(threshold);
  const counts = new Set(countFields);
  const visit = (v: unknown, path: string, isCount: boolean): void => {
    if (isCount && isSmallCount(v, threshold)) {
      throw new Error(`invalid small count: ${path} = ${String(v)} (suppression threshold ${threshold})`);
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, path + pathStep(i), isCount));
    } else if (v != null && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) visit(item, path + pathStep(key), isCount || counts.has(key));
    }
  };
  visit(value, "$", false);
}
