// Staging: the validated extract (x_*) with client ids replaced by pseudonyms
// (pid_map) and direct identifiers left behind. Everything downstream reads
// s_* only, so no later step can leak a name, ID number or phone by accident.
//
// s_* still carry exact dates (features need them); the anonymised client
// extract a_clients generalises them: birth date → age band, address →
// region, open / close dates → months, rare occupations → 其他.

import {contract, tableSpec, type TableSpec} from "../contract/tables.js";
import {ageInYears, dateLiteral, literal} from "../engine/dialect.js";

/** What a rare occupation becomes in the anonymised extract. */
export const otherOccupation = "其他";

export interface AgeBand {
  id: string;
  min: number;
}

/**
 * @param minGroup the suppression threshold: an occupation fewer clients than
 *   this share becomes 其他 in the anonymised extract. Occupation is free text
 *   in many core systems ("个体户（王记水产）"), and a rare value singles a
 *   client out as surely as a name.
 */
/**
 * @param tables the extract's tables (extractContract): the configuration's
 *   own columns and tables reach the features stage through s_*, keyed by
 *   client_no like balances. They stay out of the anonymised extract
 *   (a_clients): only the features declared on them leave, per client and
 *   period. Direct identifiers among them never pass.
 */
export function stagingSql({asOf, ageBands, minGroup, tables = contract}: {asOf: string; ageBands: readonly AgeBand[]; minGroup: number; tables?: readonly TableSpec[]}): string[] {
  const age = ageInYears("c.birth_date", dateLiteral(asOf));
  const bands = [...ageBands].sort((a, b) => b.min - a.min);
  const ageBand = `CASE WHEN c.birth_date IS NULL THEN NULL ${bands
    .map((b) => `WHEN ${age} >= ${b.min} THEN ${literal(b.id)}`)
    .join(" ")} END`;
  const corporateColumns = tableSpec("corporate_metrics")
    .columns.filter((c) => c.name !== "client_id")
    .map((c) => `x.${c.name}`)
    .join(", ");
  // The configuration's own columns of a contract table, and its own tables.
  const own = (name: string, alias: string) =>
    (tables.find((t) => t.name === name)?.columns ?? [])
      .filter((c) => c.own && !c.directIdentifier)
      .map((c) => `, ${alias}.${ident(c.name)}`)
      .join("");
  const ownTables = tables.filter((t) => t.own);
  return [
    `CREATE TABLE s_clients AS
     SELECT p.client_pid, p.client_no, c.client_type, c.branch_id, b.parent_branch, b.region,
            ${ageBand} AS age_band, c.gender, c.occupation, c.open_date, c.close_date,
            c.phone IS NOT NULL AS has_phone, c.address IS NOT NULL AS has_address,
            c.employer IS NOT NULL AS has_employer, c.official_tier${own("clients", "c")}
     FROM x_clients c
     JOIN pid_map p ON p.client_id = c.client_id
     JOIN x_branches b ON b.branch_id = c.branch_id`,
    // Views, not copies: the two largest tables are read once, by the
    // features queries, so materialising them would only double the I/O.
    // They carry client_no, not the pseudonym: features group their rows by
    // client, and an integer groups and joins far faster than 64 hex digits.
    `CREATE VIEW s_balances AS
     SELECT p.client_no, x.month, x.product, x.avg_daily_balance, x.month_end_balance${own("balances", "x")}
     FROM x_balances x JOIN pid_map p ON p.client_id = x.client_id`,
    `CREATE VIEW s_transactions AS
     SELECT p.client_no, x.txn_date, x.amount, x.direction, x.channel, x.client_initiated${own("transactions", "x")}
     FROM x_transactions x JOIN pid_map p ON p.client_id = x.client_id`,
    `CREATE TABLE s_corporate_metrics AS
     SELECT p.client_pid, p.client_no, ${corporateColumns}${own("corporate_metrics", "x")}
     FROM x_corporate_metrics x JOIN pid_map p ON p.client_id = x.client_id`,
    `CREATE TABLE s_campaign_members AS
     SELECT x.campaign_id, p.client_pid, x."group" AS member_group, x.branch_id, r.client_pid AS referrer_pid, x.list_name
     FROM x_campaign_members x
     JOIN pid_map p ON p.client_id = x.client_id
     LEFT JOIN pid_map r ON r.client_id = x.referrer_id`,
    // The anonymised client extract: what analysts receive.
    `CREATE TABLE a_clients AS
     SELECT c.client_pid, c.client_type, c.branch_id, c.parent_branch, c.region, c.age_band, c.gender,
            CASE WHEN c.occupation IS NULL THEN NULL
                 WHEN COUNT(*) OVER (PARTITION BY c.occupation) >= ${Math.max(1, Math.floor(minGroup))} THEN c.occupation
                 ELSE ${literal(otherOccupation)} END AS occupation,
            SUBSTRING(CAST(c.open_date AS VARCHAR), 1, 7) AS open_month,
            SUBSTRING(CAST(c.close_date AS VARCHAR), 1, 7) AS close_month,
            c.has_phone, c.has_address, c.has_employer, c.official_tier
     FROM s_clients c`,
    // A warehouse keeps the previous run's views: replaced, not added to.
    ...ownTables.flatMap((t) => [
      `DROP VIEW IF EXISTS ${ident(`s_${t.name}`)}`,
      `CREATE VIEW ${ident(`s_${t.name}`)} AS
     SELECT p.client_no${t.columns.filter((c) => !c.directIdentifier).map((c) => `, x.${ident(c.name)}`).join("")}
     FROM ${ident(`x_${t.name}`)} x JOIN pid_map p ON p.client_id = x.client_id`,
    ]),
  ];
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
