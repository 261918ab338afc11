// Per client and quarter features, in portable SQL over the staging tables.
//
// Money is summed with exactSum (whole fen, integer sums): an engine adds a
// group's rows in a different order on every parallel run, and a float sum in
// another order is another float. Definitions (docs/methodology/features.md):
// - a client belongs to quarter Q when opened on or before Q's last day and not
//   closed before Q's first day; a client who closes during Q is still in Q
//   (flagged is_closed) and absent from Q+1;
// - average daily AUM (季日均金融资产) = Σ over Q's months of (the month's average
//   daily balance over AUM products × days in the month) / days in Q; months
//   without a balance row count as zero, as a bank's daily-balance average would;
// - RFM counts client-initiated transactions only; recency is days from Q's last
//   day back to the last client-initiated transaction up to then, or back to the
//   opening date when the client never transacted.
// The feature catalogue (src/config/features.ts) lists what these tables hold,
// with types; test/integration/featureCatalogue.test.ts keeps the two equal.

import {retailProducts, tableSpec} from "../contract/tables.js";
import {double, exactSum, list, monthsBetween} from "../engine/dialect.js";

const aumProducts = retailProducts;
const channelColumns = ["counter", "atm", "mobile", "online", "pos"] as const;

export function featuresSql(): string[] {
  const byProduct = aumProducts
    .map((p) => `${exactSum(`CASE WHEN b.product = '${p}' THEN b.avg_daily_balance ELSE 0 END`)} AS ada_${p}`)
    .join(",\n            ");
  const quarterByProduct = aumProducts.map((p) => `${exactSum(`m.ada_${p} * m.m_days`)} / MAX(pr.q_days) AS aum_${p}`).join(",\n            ");
  const channels = channelColumns.map((c) => `SUM(CASE WHEN t.channel = '${c}' THEN 1 ELSE 0 END) AS txn_${c}`).join(",\n            ");
  const balanceColumns = ["avg_daily_aum", "aum_last_month", "period_end_aum", ...aumProducts.map((p) => `aum_${p}`), "loan_mortgage", "loan_consumer", "product_count"];
  return [
    `CREATE TABLE f_population AS
     SELECT c.client_no, c.client_pid, c.client_type, pr.quarter, pr.q_start, pr.q_end
     FROM s_clients c
     JOIN periods pr ON c.open_date <= pr.q_end AND (c.close_date IS NULL OR c.close_date >= pr.q_start)`,

    // Monthly AUM per client: the campaigns' outcome rules read it too.
    `CREATE TABLE f_monthly AS
     SELECT b.client_no, b.month, pm.quarter, pm.m_days, pm.m_pos,
            ${exactSum(`CASE WHEN b.product IN (${list(aumProducts)}) THEN b.avg_daily_balance ELSE 0 END`)} AS aum_month,
            ${exactSum(`CASE WHEN b.product IN (${list(aumProducts)}) THEN b.month_end_balance ELSE 0 END`)} AS aum_month_end,
            ${byProduct},
            ${exactSum("CASE WHEN b.product = 'mortgage' THEN b.month_end_balance ELSE 0 END")} AS end_mortgage,
            ${exactSum("CASE WHEN b.product = 'consumer_loan' THEN b.month_end_balance ELSE 0 END")} AS end_consumer,
            -- (client, month, product) is the balances' key, so counting rows counts
            -- products; COUNT(DISTINCT …) would keep a set per group, far slower.
            SUM(CASE WHEN b.month_end_balance > 0 THEN 1 ELSE 0 END) AS products_held
     FROM s_balances b
     JOIN period_months pm ON pm.month = b.month
     GROUP BY b.client_no, b.month, pm.quarter, pm.m_days, pm.m_pos`,

    `CREATE TABLE f_balances_q AS
     SELECT m.client_no, m.quarter,
            ${exactSum("m.aum_month * m.m_days")} / MAX(pr.q_days) AS avg_daily_aum,
            ${exactSum("CASE WHEN m.m_pos = 3 THEN m.aum_month ELSE 0 END")} AS aum_last_month,
            ${exactSum("CASE WHEN m.m_pos = 3 THEN m.aum_month_end ELSE 0 END")} AS period_end_aum,
            ${quarterByProduct},
            ${exactSum("CASE WHEN m.m_pos = 3 THEN m.end_mortgage ELSE 0 END")} AS loan_mortgage,
            ${exactSum("CASE WHEN m.m_pos = 3 THEN m.end_consumer ELSE 0 END")} AS loan_consumer,
            MAX(CASE WHEN m.m_pos = 3 THEN m.products_held ELSE 0 END) AS product_count
     FROM f_monthly m
     JOIN periods pr ON pr.quarter = m.quarter
     GROUP BY m.client_no, m.quarter`,

    `CREATE TABLE f_transactions_q AS
     SELECT t.client_no, pr.quarter,
            COUNT(*) AS frequency,
            ${exactSum("t.amount")} AS monetary,
            MAX(t.txn_date) AS last_txn_date,
            ${channels}
     FROM s_transactions t
     -- an equi-join on the month (ISO text) rather than a range join on dates:
     -- a hash join against 3 × quarters rows, on every engine
     JOIN period_months pr ON pr.month = SUBSTRING(CAST(t.txn_date AS VARCHAR), 1, 7)
     WHERE t.client_initiated
     GROUP BY t.client_no, pr.quarter`,

    `CREATE TABLE features AS
     WITH joined AS (
       SELECT p.client_pid, p.quarter, p.q_end, c.client_type, c.region, c.parent_branch, c.branch_id, c.age_band,
              c.gender, c.open_date, c.close_date, c.official_tier,
              ${balanceColumns.map((col) => `b.${col}`).join(", ")}, t.frequency, t.monetary, t.last_txn_date,
              ${channelColumns.map((ch) => `t.txn_${ch}`).join(", ")},
              MAX(t.last_txn_date) OVER (PARTITION BY p.client_no ORDER BY p.quarter ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS last_txn_to_date
       FROM f_population p
       JOIN s_clients c ON c.client_no = p.client_no
       LEFT JOIN f_balances_q b ON b.client_no = p.client_no AND b.quarter = p.quarter
       LEFT JOIN f_transactions_q t ON t.client_no = p.client_no AND t.quarter = p.quarter
       WHERE p.client_type = 'retail'
     )
     SELECT client_pid, quarter, client_type, region, parent_branch, branch_id, age_band, gender, official_tier,
            CAST(COALESCE(avg_daily_aum, 0) AS ${double}) AS avg_daily_aum,
            CAST(COALESCE(aum_last_month, 0) AS ${double}) AS aum_last_month,
            CAST(COALESCE(period_end_aum, 0) AS ${double}) AS period_end_aum,
            ${aumProducts.map((p) => `CAST(COALESCE(aum_${p}, 0) AS ${double}) AS aum_${p}`).join(", ")},
            CAST(COALESCE(loan_mortgage, 0) AS ${double}) AS loan_mortgage,
            CAST(COALESCE(loan_consumer, 0) AS ${double}) AS loan_consumer,
            COALESCE(loan_mortgage, 0) + COALESCE(loan_consumer, 0) > 0 AS has_loan,
            CAST(COALESCE(frequency, 0) AS INTEGER) AS frequency,
            CAST(COALESCE(monetary, 0) AS ${double}) AS monetary,
            CAST(q_end - COALESCE(last_txn_to_date, open_date) AS INTEGER) AS recency_days,
            CAST(q_end - COALESCE(last_txn_to_date, open_date) AS INTEGER) AS days_since_last_txn,
            CAST(COALESCE(product_count, 0) AS INTEGER) AS product_count,
            CAST(${monthsBetween("open_date", "q_end")} AS INTEGER) AS tenure_months,
            ${channelColumns.map((ch) => `CAST(COALESCE(txn_${ch}, 0) AS INTEGER) AS txn_${ch}`).join(", ")},
            close_date IS NOT NULL AND close_date <= q_end AS is_closed
     FROM joined`,

    `CREATE TABLE corporate_features AS
     SELECT p.client_pid, p.quarter, c.region, c.parent_branch, c.branch_id,
            ${corporateMetricColumns().map((col) => `m.${col}`).join(", ")},
            COALESCE(m.loan_balance, 0) > 0 AS has_loan
     FROM f_population p
     JOIN s_clients c ON c.client_no = p.client_no
     JOIN s_corporate_metrics m ON m.client_pid = c.client_pid AND m.quarter = p.quarter
     WHERE p.client_type = 'corporate'`,

    `CREATE TABLE monthly_aum AS
     SELECT c.client_pid, m.month, m.quarter, m.m_pos, CAST(m.aum_month AS ${double}) AS aum_month
     FROM f_monthly m JOIN s_clients c ON c.client_no = m.client_no`,
  ];
}

export function corporateMetricColumns(): string[] {
  return tableSpec("corporate_metrics")
    .columns.map((c) => c.name)
    .filter((n) => n !== "client_id" && n !== "quarter");
}
