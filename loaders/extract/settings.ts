// How strictly the extract is read (configuration extract.checks and
// extract.asOf), with every default filled in: docs/extract-contract.md.

import type {Config} from "../../src/config/schema.js";

export interface CheckSettings {
  maxRecordBytes: number;
  earliestDate: string;
  latestDate: string;
  futureDays: number;
  activityBeforeOpening: "quarantine" | "warn";
  /** The configured as-of date; undefined: derived from the balances. */
  asOf?: string;
}

export function checkSettings({extract}: Config): CheckSettings {
  const {maxRecordBytes = 1024 * 1024, earliestDate = "1900-01-01", latestDate = "2099-12-31", futureDays = 31, activityBeforeOpening = "quarantine"} = extract.checks ?? {};
  return {maxRecordBytes, earliestDate, latestDate, futureDays, activityBeforeOpening, asOf: extract.asOf};
}
