// Analysts' own columns, tables and features, end to end on a small extract:
// own columns and tables are validated and quarantined like the contract's;
// every kind of own feature (each aggregation, quarter and year windows,
// filters, defaults, tables placed by month, date and quarter or not at all,
// features from features with PREVIOUS, a division by zero) equals a plain
// computation written here from the CSV text, on DuckDB and on PostgreSQL.

import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {parse} from "yaml";
import {pseudonymise} from "../../loaders/anonymise/pseudonymise.js";
import {pseudonym} from "../../loaders/anonymise/pseudonym.js";
import {stage} from "../../loaders/anonymise/stage.js";
import {extractContract} from "../../loaders/contract/tables.js";
import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {openEngine, type Engine} from "../../loaders/engine/engine.js";
import {loadExtract} from "../../loaders/extract/loadExtract.js";
import {createPeriods, reportingQuarters} from "../../loaders/features/calendar.js";
import {computeFeatures, ownFeaturesPlan} from "../../loaders/features/computeFeatures.js";
import {validateConfig} from "../../src/config/validate.js";
import {contractCheckOptions} from "../../loaders/config/contract.js";
import type {Config} from "../../src/config/schema.js";
import {parseQuarter} from "../../src/segmentation/periods/index.js";
import {copyTable} from "../support/copyTable.js";
import {postgresUnavailable, startPostgres, type TestPostgres} from "../engine/postgresServer.js";
import {configWith, files, withLines, writeExtract} from "../extract/corpus.js";

const key = "own-features-test-key";

// The bank's own data: a limit and a segment code on clients, monthly card
// statements, time deposits placed on a date, and (for corporates) the
// contract's corporate_metrics. Some rows are bad on purpose.
const own = {
  "clients.csv": `client_id,client_type,name,branch_id,open_date,gender,birth_date,credit_limit,segment_code
C001,retail,张三,B01,2020-01-15,M,1980-05-01,50000,A
C002,retail,李四,B02,2021-03-02,F,1990-07-12,,B
C003,corporate,杭州某某科技有限公司,B01,2019-11-30,,,,
C004,retail,王五,B02,2022-06-18,M,1975-12-31,0,A
C005,retail,赵六,B01,2022-06-18,M,1975-12-31,-5,A
C006,retail,钱七,B01,2022-06-18,F,1975-12-31,100,Z
`,
  "card_months.csv": `client_id,month,purchases,payments
C001,2024-10,1200,1000
C001,2024-11,800,900
C001,2025-01,1000,1000
C001,2025-03,2500.55,2000
C002,2024-12,300,300
C002,2025-02,0,50
C004,2025-01,999.99,0
C004,2025-01,5,5
C001,2025-02,abc,1
C009,2025-02,10,10
`,
  "deposits.csv": `deposit_id,client_id,placed_on,amount,term_months
D1,C001,2024-10-05,10000,12
D2,C001,2025-02-11,100000,36
D3,C002,2024-12-31,5000,3
D4,C002,2025-01-01,15000,60
D5,C004,2025-03-31,9999.99,6
D6,C004,2025-03-31,1,0
`,
  "corporate_metrics.csv": `client_id,quarter,industry,avg_daily_deposits,period_end_deposits
C003,2024Q4,software,1000000,900000
C003,2025Q1,software,3000000,2000000
`,
};

const declarations = `
extraColumns:
  clients:
    - {name: credit_limit, type: decimal, min: 0, unit: CNY, description: Card limit.}
    - {name: segment_code, type: enum, values: [A, B], description: A code.}
extraTables:
  card_months:
    description: Monthly card statements.
    period: month
    key: [client_id, month]
    columns:
      - {name: month, type: month, required: true, description: Statement month.}
      - {name: purchases, type: decimal, min: 0, required: true, description: Purchases.}
      - {name: payments, type: decimal, min: 0, required: true, description: Payments.}
  deposits:
    description: Time deposits placed.
    period: placed_on
    key: [deposit_id]
    columns:
      - {name: deposit_id, type: string, required: true, description: Id.}
      - {name: placed_on, type: date, required: true, description: Day placed.}
      - {name: amount, type: decimal, min: 0, required: true, description: Amount.}
      - {name: term_months, type: integer, min: 1, required: true, description: Term.}
`;

const label = (en: string) => `{zh: ${en}, en: ${en}}`;
const featureLines = [
  `{id: purchases_q, label: ${label("q")}, appliesTo: retail, unit: money, from: card_months, aggregate: sum, expression: purchases, default: 0}`,
  `{id: purchases_year, label: ${label("y")}, appliesTo: retail, unit: money, from: card_months, aggregate: sum, expression: purchases, window: year}`,
  `{id: payments_avg, label: ${label("pa")}, appliesTo: retail, unit: money, from: card_months, aggregate: avg, expression: payments}`,
  `{id: card_daily, label: ${label("cd")}, appliesTo: retail, unit: money, from: card_months, aggregate: daily_average, expression: "purchases - payments", default: 0}`,
  `{id: big_months, label: ${label("bm")}, appliesTo: retail, unit: count, from: card_months, aggregate: count, where: "purchases >= 1000", default: 0}`,
  `{id: overpaid, label: ${label("op")}, appliesTo: retail, unit: flag, from: card_months, aggregate: any, expression: "payments > purchases", default: false}`,
  `{id: deposits_year, label: ${label("dy")}, appliesTo: retail, unit: count, from: deposits, aggregate: count, window: year, default: 0}`,
  `{id: deposit_amount, label: ${label("da")}, appliesTo: retail, unit: money, from: deposits, aggregate: avg, expression: amount, window: year}`,
  `{id: long_terms, label: ${label("lt")}, appliesTo: retail, unit: months, from: deposits, aggregate: max, expression: term_months, where: "term_months > 12"}`,
  `{id: limit, label: ${label("l")}, appliesTo: retail, unit: money, from: clients, aggregate: max, expression: credit_limit}`,
  `{id: segment, label: ${label("s")}, appliesTo: retail, unit: code, from: clients, aggregate: max, expression: "CASE WHEN segment_code = 'A' THEN 'alpha' ELSE segment_code END"}`,
  `{id: spend_to_limit, label: ${label("sl")}, appliesTo: retail, unit: number, from: features, expression: "purchases_q / limit"}`,
  `{id: purchases_growth, label: ${label("pg")}, appliesTo: retail, unit: money, from: features, expression: "purchases_q - PREVIOUS(purchases_q, 1)"}`,
  `{id: deposits_year_avg, label: ${label("cy")}, appliesTo: corporate, unit: money, from: corporate_metrics, aggregate: avg, expression: avg_daily_deposits, window: year}`,
];

function testConfig(): Config {
  const base = configWith({
    card_months: {path: "card_months.csv"},
    deposits: {path: "deposits.csv"},
    corporate_metrics: {path: "corporate_metrics.csv"},
  });
  // the default's rules on its own features go with them: this test brings features of its own
  const classifications = base.classifications.filter((c) => !["contribution", "deposit_amount_band", "deposit_term_band", "deposit_frequency"].includes(c.id));
  const input = {...base, classifications, extract: {...base.extract, ...parse(declarations)}, features: featureLines.map((l) => parse(l))};
  const {config, issues} = validateConfig(input, contractCheckOptions);
  if (!config) throw new Error(`test configuration: ${JSON.stringify(issues)}`);
  return config;
}

// --- the plain computation ------------------------------------------------

type Csv = Record<string, string>[];
const rows = (text: string): Csv => {
  const [header, ...lines] = text.trim().split("\n").map((l) => l.split(","));
  return lines.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""])));
};
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const days = (month: string) => new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).getUTCDate();

/** Every retail and corporate feature row the stage should write, from the CSV text, by the documented definitions. */
function expectedFeatures(quarters: string[]): Record<string, Record<string, unknown>> {
  // Rows that validation keeps: card_months loses "abc" and the orphan C009 and C004's repeated month;
  // clients lose C005 (negative limit) and C006 (segment Z); deposits lose D6 (term 0).
  const cards = rows(own["card_months.csv"]).filter((r) => r.purchases !== "abc" && r.client_id !== "C009" && !(r.client_id === "C004" && r.purchases === "5"));
  const deposits = rows(own["deposits.csv"]).filter((r) => r.deposit_id !== "D6");
  const clients = rows(own["clients.csv"]).filter((r) => !["C005", "C006"].includes(r.client_id));
  const out: Record<string, Record<string, unknown>> = {};
  quarters.forEach((quarter, qi) => {
    const monthsOf = (span: number) => quarters.slice(Math.max(0, qi - span + 1), qi + 1).flatMap((q) => parseQuarter(q).months);
    const [q, year] = [monthsOf(1), monthsOf(4)];
    for (const client of clients.filter((c) => c.client_type === "retail")) {
      const id = client.client_id;
      const card = (months: string[]) => cards.filter((r) => r.client_id === id && months.includes(r.month));
      const dep = (months: string[]) => deposits.filter((r) => r.client_id === id && months.includes(r.placed_on.slice(0, 7)));
      const purchases = card(q).map((r) => +r.purchases);
      const limit = client.credit_limit === "" ? null : +client.credit_limit;
      const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
      const purchasesQ = sum(purchases);
      const longTerms = dep(q).map((r) => +r.term_months).filter((t) => t > 12);
      out[`${id} ${quarter}`] = {
        purchases_q: purchasesQ,
        purchases_year: card(year).length ? sum(card(year).map((r) => +r.purchases)) : null,
        payments_avg: mean(card(q).map((r) => +r.payments)),
        card_daily: card(q).length ? card(q).reduce((s, r) => s + (+r.purchases - +r.payments) * days(r.month), 0) / q.reduce((s, m) => s + days(m), 0) : 0,
        big_months: card(q).filter((r) => +r.purchases >= 1000).length,
        overpaid: card(q).some((r) => +r.payments > +r.purchases),
        deposits_year: dep(year).length,
        deposit_amount: mean(dep(year).map((r) => +r.amount)),
        long_terms: longTerms.length ? Math.max(...longTerms) : null,
        limit,
        segment: client.segment_code === "A" ? "alpha" : client.segment_code || null,
        spend_to_limit: limit ? purchasesQ / limit : null, // a limit of 0 divides by zero: missing
        purchases_growth: qi === 0 ? null : purchasesQ - (out[`${id} ${quarters[qi - 1]}`].purchases_q as number),
      };
    }
    const metrics = rows(own["corporate_metrics.csv"]).filter((r) => quarters.slice(Math.max(0, qi - 3), qi + 1).includes(r.quarter));
    if (rows(own["corporate_metrics.csv"]).some((r) => r.quarter === quarter)) out[`C003 ${quarter}`] = {deposits_year_avg: mean(metrics.map((r) => +r.avg_daily_deposits))};
  });
  return out;
}

// --- the stage on an engine -------------------------------------------------

const ownColumns = featureLines.map((l) => parse(l).id as string);

async function featureRows(engine: Engine): Promise<Record<string, Record<string, unknown>>> {
  const byPid = new Map(["C001", "C002", "C003", "C004"].map((id) => [pseudonym(key, id), id]));
  const out: Record<string, Record<string, unknown>> = {};
  const retail = ownColumns.filter((c) => c !== "deposits_year_avg");
  for (const r of await engine.all(`SELECT client_pid, quarter, ${retail.map((c) => `"${c}"`).join(", ")} FROM features`))
    out[`${byPid.get(r.client_pid as string)} ${r.quarter}`] = Object.fromEntries(retail.map((c) => [c, r[c]]));
  for (const r of await engine.all(`SELECT client_pid, quarter, deposits_year_avg FROM corporate_features`))
    out[`${byPid.get(r.client_pid as string)} ${r.quarter}`] = {deposits_year_avg: r.deposits_year_avg};
  return out;
}

async function runStage(engine: Engine, config: Config): Promise<string[]> {
  const tables = extractContract(config);
  const quarters = await reportingQuarters(engine, {tables});
  await createPeriods(engine, quarters);
  await stage(engine, {ageBands: config.privacy.ageBands, minGroup: config.privacy.suppressionThreshold, tables});
  await computeFeatures(engine, ownFeaturesPlan(config));
  return quarters;
}

/** Numbers to 1e-9 (a mean of doubles may differ in the last bit between engines); the rest exactly. */
function close(actual: Record<string, Record<string, unknown>>, expected: Record<string, Record<string, unknown>>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [row, values] of Object.entries(expected))
    for (const [name, value] of Object.entries(values)) {
      const got = actual[row][name];
      if (typeof value === "number" && typeof got === "number") expect(got, `${row} ${name}`).toBeCloseTo(value, 9);
      else expect(got, `${row} ${name}`).toEqual(value);
    }
}

describe("the configuration's own columns, tables and features", () => {
  let duck: Engine;
  let config: Config;
  let quarters: string[];
  let manifest: Awaited<ReturnType<typeof loadExtract>>["manifest"];
  beforeAll(async () => {
    config = testConfig();
    duck = await openDuckDb();
    const extractDir = writeExtract({...own, "balances.csv": files["balances.csv"]});
    ({manifest} = await loadExtract(duck, {config, extractDir}));
    await pseudonymise(duck, key);
    quarters = await runStage(duck, config);
  }, 120_000);
  afterAll(() => duck?.close());

  it("validates and quarantines own columns and tables as it does the contract's, counting every record", async () => {
    const m = Object.fromEntries(manifest.map((e) => [e.table, e]));
    expect(m.clients).toMatchObject({read: 6, accepted: 4, quarantined: 2, reasons: {"below minimum: credit_limit": 1, "not an allowed value: segment_code": 1}});
    expect(m.card_months).toMatchObject({read: 10, accepted: 7, quarantined: 3, reasons: {"not a number: purchases": 1, "orphan: client_id not in clients": 1, "duplicate key": 1}});
    expect(m.deposits).toMatchObject({read: 6, accepted: 5, quarantined: 1, reasons: {"below minimum: term_months": 1}});
  });

  it("takes the calendar from the own tables placed by month or date too", () => {
    // balances cover only 2025-01; the card statements and deposits reach back to 2024-10
    expect(quarters).toEqual(["2024Q4", "2025Q1"]);
  });

  it("computes every own feature as the documented definitions say (DuckDB)", async () => {
    close(await featureRows(duck), expectedFeatures(quarters));
  });

  it("adds the own features after the built-in ones, typed by their units, and keeps them out of the anonymised client extract", async () => {
    const columns = await duck.all<{column_name: string; data_type: string}>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'features' ORDER BY ordinal_position`
    );
    const owned = columns.slice(-ownColumns.length + 1);
    expect(owned.map((c) => c.column_name)).toEqual(ownColumns.filter((c) => c !== "deposits_year_avg"));
    expect(Object.fromEntries(owned.map((c) => [c.column_name, c.data_type]))).toMatchObject({big_months: "INTEGER", overpaid: "BOOLEAN", segment: "VARCHAR", limit: "DOUBLE"});
    const anonymised = await duck.all<{column_name: string}>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'a_clients'`);
    expect(anonymised.map((c) => c.column_name)).not.toContain("credit_limit");
  });

  describe.skipIf(postgresUnavailable())("on PostgreSQL", () => {
    let server: TestPostgres;
    let pg: Engine;
    beforeAll(async () => {
      server = await startPostgres();
      pg = await openEngine("postgres", {postgres: {host: server.host, port: server.port, user: server.user, database: server.database, schema: "seg_own"}});
      const tables = extractContract(config).map((t) => `x_${t.name}`);
      for (const table of [...tables, "pid_map"]) await copyTable(duck, pg, table);
      await runStage(pg, config);
    }, 180_000);
    afterAll(async () => {
      await pg?.close();
      server?.stop();
    });

    it("computes the same own features as the plain computation and as DuckDB", async () => {
      const onPg = await featureRows(pg);
      close(onPg, expectedFeatures(quarters));
      close(onPg, await featureRows(duck));
    });
  });
});
