// What a value of extract contract v1 may be beyond its type: dates that must
// have happened by the extract's as-of date, columns that must come in order,
// and facts that must agree with the client a row belongs to. Data, like the
// contract: the validator turns it into SQL, docs/extract-contract.md lists it.

import type {TableName} from "./tables.js";

/**
 * Dates of events that happened by the extract's as-of date (a date, a month
 * or a quarter column). Campaign end dates are plans, so only start dates are here.
 */
export const eventDates: Partial<Record<TableName, readonly string[]>> = {
  clients: ["birth_date", "open_date", "close_date"],
  balances: ["month"],
  transactions: ["txn_date"],
  corporate_metrics: ["quarter"],
  campaigns: ["start_date"],
};

/** The table whose months set the as-of date when the configuration gives none. */
export const asOfTable = {table: "balances", column: "month"} as const satisfies {table: TableName; column: string};

/** Two date columns of one row: `later` may not come before `earlier` (either may be empty). */
export const inOrder: readonly {table: TableName; earlier: string; later: string; reason: string}[] = [
  {table: "clients", earlier: "birth_date", later: "open_date", reason: "opened before born: open_date"},
  {table: "clients", earlier: "open_date", later: "close_date", reason: "closed before opened: close_date"},
  {table: "campaigns", earlier: "start_date", later: "end_date", reason: "ends before it starts: end_date"},
];

/** Two columns of one row that may not hold the same value. */
export const different: readonly {table: TableName; column: string; other: string; reason: string}[] = [
  {table: "campaign_members", column: "referrer_id", other: "client_id", reason: "self-referral: referrer_id"},
];

/**
 * Facts checked against the client a row's `client_id` references, with the
 * orphan check's join: activity before the client's first account opened
 * (configurable: extract.checks.activityBeforeOpening), corporate facts of a
 * retail client.
 */
export const againstClient: readonly {table: TableName; column: string; rule: "notBeforeOpening" | "corporateClient"; reason: string}[] = [
  {table: "balances", column: "month", rule: "notBeforeOpening", reason: "before the client's opening date: month"},
  {table: "transactions", column: "txn_date", rule: "notBeforeOpening", reason: "before the client's opening date: txn_date"},
  {table: "corporate_metrics", column: "client_id", rule: "corporateClient", reason: "not a corporate client: client_id"},
];
