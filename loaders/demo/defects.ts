// Data-quality defects planted as EXTRA rows (never replacing real ones), so
// the validator has something to quarantine and the truths stay exact.

import {createRandom, hashSeed} from "./random.js";

export interface DefectRecord {
  table: "clients" | "balances" | "transactions";
  kind: "non_numeric" | "invalid_date" | "orphan_client" | "duplicate_key" | "negative_balance";
  /** 1-based file line, header included. */
  line: number;
  column: string;
  count: number;
}

export interface PlannedDefect {
  table: DefectRecord["table"];
  kind: DefectRecord["kind"];
  column: string;
  /** Written right after this retail client's rows of the table. */
  afterClient: number;
  /** Kind-specific value: the bad amount or date, the orphan id, the duplicated client. */
  value: string | number;
}

export function planDefects(retailClients: number, seed: number): PlannedDefect[] {
  const random = createRandom(hashSeed(seed, 6));
  const at = () => random.int(Math.floor(retailClients / 10), retailClients - 1);
  const defects: PlannedDefect[] = [];
  const duplicatedClient = random.int(0, Math.floor(retailClients / 10) - 1);
  defects.push({table: "clients", kind: "duplicate_key", column: "client_id", afterClient: at(), value: Math.max(0, duplicatedClient)});
  defects.push({table: "balances", kind: "negative_balance", column: "avg_daily_balance", afterClient: at(), value: "-1520.00"});
  defects.push({table: "balances", kind: "negative_balance", column: "month_end_balance", afterClient: at(), value: "-88.30"});
  for (const amount of ["12O.50", "N/A", "壹佰元"]) defects.push({table: "transactions", kind: "non_numeric", column: "amount", afterClient: at(), value: amount});
  for (const date of ["2025-02-30", "2024-02-30"]) defects.push({table: "transactions", kind: "invalid_date", column: "txn_date", afterClient: at(), value: date});
  for (const orphan of ["C99999901", "C99999902"]) defects.push({table: "transactions", kind: "orphan_client", column: "client_id", afterClient: at(), value: orphan});
  defects.push({table: "transactions", kind: "duplicate_key", column: "txn_id", afterClient: at(), value: ""});
  return defects.sort((a, b) => a.afterClient - b.afterClient);
}

/** Rows the validator should quarantine, per table. */
export function expectedQuarantine(defects: readonly PlannedDefect[]): Record<string, number> {
  const counts: Record<string, number> = {branches: 0, clients: 0, balances: 0, transactions: 0, corporate_metrics: 0, campaigns: 0, campaign_members: 0, campaign_targets: 0, deposits: 0};
  for (const d of defects) counts[d.table]++;
  return counts;
}
