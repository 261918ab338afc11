// The four "bring your own extract" examples (data/examples/*/config.yaml) on
// real public data sets nobody here shaped: the pipeline runs on each through
// configuration only, and the numbers users care about come out right. Skips
// with a message when ../shared/realdata is absent (see its README).

import {readFileSync} from "node:fs";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {examplePresent, runExample, tally, type ExampleRun} from "./exampleRun.js";

const minutes = 60_000;

function skipNote(folder: string, where: string) {
  console.warn(`real data ${folder} not found at ${where}: example test skipped (see ../shared/realdata/README.md)`);
}

/** `;`-separated, double-quoted .asc / .csv read by plain splitting (no quoted `;` in these files). */
function readSemicolon(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, "utf8").split(/\r?\n/).filter((l) => l.length > 0);
  const strip = (f: string) => f.replace(/^"|"$/g, "");
  const names = header.split(";").map(strip);
  return lines.map((line) => {
    const fields = line.split(";").map(strip);
    return Object.fromEntries(names.map((n, i) => [n, fields[i]]));
  });
}

function expectManifestBalanced(run: ExampleRun) {
  for (const t of run.manifest) expect(t.read, t.table).toBe(t.accepted + t.quarantined);
}

const examples = {
  bankchurners: examplePresent("kaggle-bankchurners"),
  onlineRetail: examplePresent("uci-online-retail-ii"),
  berka: examplePresent("berka-pkdd99-partial"),
  bankMarketing: examplePresent("uci-bank-marketing"),
};
for (const [name, {present, where}] of Object.entries(examples)) if (!present) skipNote(name, where);

describe.skipIf(!examples.bankchurners.present)("BankChurners example: card categories reach the segments as the official tier", () => {
  let run: ExampleRun;
  beforeAll(async () => void (run = await runExample("bankchurners")), 5 * minutes);
  afterAll(async () => run?.cleanup());

  it("reads every table whole: read = accepted + quarantined, 10,127 clients and card holders' years, no balances", () => {
    expectManifestBalanced(run);
    const m = Object.fromEntries(run.manifest.map((t) => [t.table, t]));
    expect([m.clients.read, m.clients.accepted, m.card_year.accepted, m.balances.read, m.transactions.read]).toEqual([10_127, 10_127, 10_127, 0, 0]);
  });

  it("counts Blue 9,436 / Silver 555 / Gold 116 / Platinum 20 in the segments and on the site", async () => {
    const expected = {blue: 9_436, silver: 555, gold: 116, platinum: 20};
    expect(tally(await run.query(`SELECT tier_card_tier AS tier, COUNT(*) AS n FROM segments GROUP BY 1`), "tier", "n")).toEqual(expected);
    const segments = await run.site("segments");
    const published = segments.tierCounts.filter((r: {region: string}) => r.region === "*");
    expect(tally(published, "tier", "clients")).toEqual(expected);
    // official_tier is carried into the anonymised client extract too
    expect(tally(await run.query(`SELECT official_tier, COUNT(*) AS n FROM clients GROUP BY 1`), "official_tier", "n")).toEqual({Blue: 9_436, Silver: 555, Gold: 116, Platinum: 20});
  });

  it("turns Attrition_Flag into churn: 1,627 churned", async () => {
    expect(tally(await run.query(`SELECT tier_churn AS t, COUNT(*) AS n FROM segments GROUP BY 1`), "t", "n")).toEqual({churned: 1_627, retained: 8_500});
  });

  it("has one quarter, and says why migration and RFM are empty", async () => {
    expect(run.quarters).toEqual(["2020Q4"]);
    const migration = await run.site("migration");
    expect(migration.availability.migration.available).toBe(false);
    expect(migration.availability.migration.reason.en).toMatch(/only one quarter/);
    const segments = await run.site("segments");
    expect(segments.availability.rfm).toMatchObject({available: false});
    expect((await run.site("campaigns")).availability.campaigns.available).toBe(false);
  });
});

describe.skipIf(!examples.onlineRetail.present)("Online Retail II example: invoices as client-initiated transactions over five quarters", () => {
  let run: ExampleRun;
  beforeAll(async () => void (run = await runExample("online-retail")), 5 * minutes);
  afterAll(async () => run?.cleanup());

  it("keeps 4,285 customers and 18,966 product invoices; nothing quarantined", () => {
    expectManifestBalanced(run);
    const m = Object.fromEntries(run.manifest.map((t) => [t.table, t]));
    expect([m.clients.accepted, m.transactions.accepted, m.balances.read]).toEqual([4_285, 18_966, 0]);
    expect(run.manifest.every((t) => t.quarantined === 0)).toBe(true);
  });

  it("spans 2009Q4–2010Q4 with the customers known and buying in each quarter", async () => {
    expect(run.quarters).toEqual(["2009Q4", "2010Q1", "2010Q2", "2010Q3", "2010Q4"]);
    const rows = await run.query<{quarter: string; known: number; buying: number}>(
      `SELECT quarter, COUNT(*) AS known, SUM(CASE WHEN frequency > 0 THEN 1 ELSE 0 END) AS buying FROM features GROUP BY 1 ORDER BY 1`
    );
    expect(rows.map((r) => r.known)).toEqual([951, 2_135, 2_951, 3_538, 4_285]);
    expect(rows.map((r) => r.buying)).toEqual([951, 1_783, 2_040, 2_051, 2_579]);
  });

  it("publishes migration, RFM and activity as available; campaigns and corporate as not", async () => {
    const migration = await run.site("migration");
    expect(migration.availability.migration.available).toBe(true);
    expect(migration.rfm.pairs.length).toBe(4);
    expect((await run.site("overview")).availability).toMatchObject({activity: {available: true}, aum: {available: false}, corporate: {available: false}});
    expect((await run.site("campaigns")).availability.campaigns.available).toBe(false);
  });
});

describe.skipIf(!examples.berka.present)("Berka example: a core-banking schema through SQL views", () => {
  let run: ExampleRun;
  const dir = examples.berka.where;
  beforeAll(async () => void (run = await runExample("berka")), 5 * minutes);
  afterAll(async () => run?.cleanup());

  it("loads 5,369 clients in 77 districts; read = accepted + quarantined", () => {
    expectManifestBalanced(run);
    const m = Object.fromEntries(run.manifest.map((t) => [t.table, t]));
    expect([m.branches.accepted, m.clients.accepted, m.transactions.read]).toEqual([77, 5_369, 0]);
  });

  it("gives card holders their card type through disp: classic 659, junior 145, gold 88", async () => {
    const cards = readSemicolon(path.join(dir, "card.asc"));
    const byType = (type: string) => cards.filter((c) => c.type === type).length;
    const holders = new Set(cards.map((c) => c.disp_id)).size;
    expect(tally(await run.query(`SELECT tier_card_tier AS t, COUNT(*) AS n FROM segments GROUP BY 1`), "t", "n")).toEqual({
      classic: byType("classic"),
      junior: byType("junior"),
      gold: byType("gold"),
      no_card: 5_369 - holders,
    });
    expect(byType("classic") + byType("junior") + byType("gold")).toBe(892);
  });

  it("decodes gender from birth_number (women: month + 50)", async () => {
    const women = readSemicolon(path.join(dir, "client.asc")).filter((c) => Number(c.birth_number.slice(2, 4)) > 50).length;
    expect(tally(await run.query(`SELECT gender, COUNT(*) AS n FROM clients GROUP BY 1`), "gender", "n")).toEqual({F: women, M: 5_369 - women});
  });

  it("puts running loans (status C, D) on their owners as loan balances", async () => {
    const running = readSemicolon(path.join(dir, "loan.asc")).filter((l) => l.status === "C" || l.status === "D");
    const m = Object.fromEntries(run.manifest.map((t) => [t.table, t]));
    expect(m.balances.accepted).toBe(running.length);
    const [{n, total}] = await run.query<{n: number; total: number}>(`SELECT COUNT(*) AS n, SUM(loan_consumer) AS total FROM features WHERE has_loan`);
    expect(n).toBe(running.length);
    expect(total).toBe(running.reduce((s, l) => s + Number(l.amount), 0));
  });

  it("uses the 8 regions of district A3 as regions; one quarter, 1998Q4", async () => {
    expect((await run.query(`SELECT DISTINCT region FROM segments`)).length).toBe(8);
    expect(run.quarters).toEqual(["1998Q4"]);
  });
});

describe.skipIf(!examples.bankMarketing.present)("Bank Marketing example: a campaign without ids or control group", () => {
  let run: ExampleRun;
  const file = path.join(examples.bankMarketing.where, "bank-full.csv");
  beforeAll(async () => void (run = await runExample("bank-marketing")), 5 * minutes);
  afterAll(async () => run?.cleanup());

  it("synthesises one client per row (45,211) and quarantines the overdrawn balances", () => {
    expectManifestBalanced(run);
    const raw = readSemicolon(file);
    const negative = raw.filter((r) => Number(r.balance) < 0).length;
    const m = Object.fromEntries(run.manifest.map((t) => [t.table, t]));
    // three months of the nominal quarter per client
    expect([m.clients.accepted, m.balances.read, m.campaign_members.accepted]).toEqual([45_211, 3 * 45_211, 45_211]);
    expect(negative).toBe(3_766);
    expect(m.balances.quarantined).toBe(3 * negative);
    expect(m.balances.reasons).toEqual({"below minimum: avg_daily_balance": 3 * negative});
  });

  it("bands balances with the report's cuts (1k / 5k EUR)", async () => {
    const raw = readSemicolon(file).map((r) => Number(r.balance));
    const expected = {large: raw.filter((b) => b >= 5000).length, medium: raw.filter((b) => b >= 1000 && b < 5000).length, small: raw.filter((b) => b < 1000).length};
    expect(tally(await run.query(`SELECT tier_balance_band AS t, COUNT(*) AS n FROM segments GROUP BY 1`), "t", "n")).toEqual(expected);
  });

  it("lists the campaign as not measured, and says it has no control group", async () => {
    const campaigns = await run.site("campaigns");
    expect(campaigns.campaigns).toHaveLength(1);
    expect(campaigns.campaigns[0]).toMatchObject({id: "TD2008", measured: false});
    expect(campaigns.availability.campaigns.available).toBe(true);
    expect(campaigns.availability.measurement.available).toBe(false);
    expect(campaigns.availability.measurement.reason.en).toMatch(/no control group/);
  });
});
