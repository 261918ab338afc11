import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parse} from "yaml";
import {contract} from "../../loaders/contract/tables.js";
import {generateDemoBank} from "../../loaders/demo/generate.js";
import {isValidResidentId, isValidSocialCreditCode} from "../../loaders/demo/idCard.js";
import {column, monthlyAum, quarterAum, quarterMonths, readCsv, tierOf, type CsvTable} from "./readExtract.js";

let dir: string;
let truths: any;
const tables: Record<string, CsvTable> = {};

beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), "demo-truths-")), "bank");
  await generateDemoBank({outDir: dir, seed: 20240101, retailClients: 2_000, corporateClients: 150});
  truths = JSON.parse(readFileSync(join(dir, "truths.json"), "utf8"));
  for (const spec of contract) tables[spec.name] = readCsv(dir, spec.name);
});
afterAll(() => rmSync(join(dir, ".."), {recursive: true, force: true}));

const defectLines = (table: string) => new Set<number>(truths.defects.filter((d: any) => d.table === table).map((d: any) => d.line));
/** Data rows that are not planted defects (file line = index + 2). */
const validRows = (table: string) => tables[table].rows.filter((_, i) => !defectLines(table).has(i + 2));

describe("the demo extract", () => {
  it("has exactly the contract's columns, in contract order, in every table", () => {
    // official_tier is for banks that already label their clients; the demo bank's tiers come from its rules.
    const notWritten = new Set(["official_tier"]);
    for (const spec of contract) expect(tables[spec.name].header, spec.name).toEqual(spec.columns.map((c) => c.name).filter((n) => !notWritten.has(n)));
  });

  it("says it is demo data and counts its rows per table", () => {
    expect(truths.demo).toBe(true);
    expect(truths.note).toMatch(/demo data/);
    expect(truths.quarters).toEqual(["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"]);
    for (const spec of contract) {
      expect(truths.counts[spec.name].rows, spec.name).toBe(tables[spec.name].rows.length);
      expect(truths.counts[spec.name].valid, spec.name).toBe(tables[spec.name].rows.length - truths.expectedQuarantine[spec.name]);
    }
    expect(tables.branches.rows).toHaveLength(40);
    expect(new Set(tables.branches.rows.map((r) => r[3]))).toEqual(new Set(["华东", "华南", "华北", "西部"]));
    expect(new Set(tables.branches.rows.map((r) => r[2])).size).toBe(8);
    expect(tables.clients.rows).toHaveLength(2_000 + 150 + 1);
    expect(tables.corporate_metrics.rows).toHaveLength(150 * 8);
    expect(truths.expectedQuarantine).toMatchObject({clients: 1, balances: 2, transactions: 8});
  });

  it("carries realistic direct identifiers", () => {
    const c = tables.clients;
    const [type, id, phone, birth] = ["client_type", "id_number", "phone", "birth_date"].map((n) => column(c, n));
    for (const row of c.rows) {
      if (row[type] === "retail") {
        expect(row[0]).toMatch(/^C\d{8}$/);
        expect(isValidResidentId(row[id]), row[id]).toBe(true);
        expect(row[id].slice(6, 14)).toBe(row[birth].replaceAll("-", ""));
        if (row[phone]) expect(row[phone]).toMatch(/^1[3-9]\d{9}$/);
      } else {
        expect(row[0]).toMatch(/^E\d{7}$/);
        expect(isValidSocialCreditCode(row[id]), row[id]).toBe(true);
      }
    }
  });

  it("contains the canary client in clients.csv exactly as listed in the truths", () => {
    const [canary] = truths.canaries;
    const row = tables.clients.rows.find((r) => r[0] === canary.client_id)!;
    expect(row).toBeDefined();
    const c = tables.clients;
    expect(row[column(c, "name")]).toBe("金丝雀测试");
    for (const field of ["name", "id_number", "phone", "address", "employer"]) expect(row[column(c, field)]).toBe(canary[field]);
  });

  it("has every planted defect at its recorded line", () => {
    const raw = (table: string) => readFileSync(join(dir, "extract", `${table}.csv`), "utf8").split("\n");
    expect(truths.defects).toHaveLength(11);
    for (const d of truths.defects) {
      const lines = raw(d.table);
      const fields = lines[d.line - 1].split(",");
      const value = fields[lines[0].split(",").indexOf(d.column)];
      const earlier = lines.slice(1, d.line - 1).map((l) => l.split(",")[0]);
      if (d.kind === "non_numeric") expect(Number.isNaN(Number(value)) || value === "").toBe(true);
      if (d.kind === "invalid_date") expect(value).toMatch(/-02-30$/);
      if (d.kind === "negative_balance") expect(Number(value)).toBeLessThan(0);
      if (d.kind === "orphan_client") expect(tables.clients.rows.some((r) => r[0] === value)).toBe(false);
      if (d.kind === "duplicate_key") expect(earlier).toContain(value);
    }
  });

  it("records contact completeness as written in clients.csv", () => {
    const c = tables.clients;
    const retail = validRows("clients").filter((r) => r[1] === "retail");
    const complete = retail.filter((r) => ["phone", "address", "employer"].every((f) => r[column(c, f)] !== "")).length;
    expect(truths.completeness.complete).toBe(complete);
    expect(truths.completeness.share).toBeGreaterThan(0.8);
    expect(truths.completeness.share).toBeLessThan(0.9);
  });
});

describe("the retail truths", () => {
  it("match tiers and value clients recomputed from balances.csv, all at least 1% from every line", () => {
    const aum = monthlyAum({header: tables.balances.header, rows: validRows("balances")});
    let checked = 0;
    for (const client of truths.retail) {
      for (const q of truths.quarters) {
        const average = quarterAum(aum.get(client.client_id), q);
        expect(average === null ? null : tierOf(average), `${client.client_id} ${q}`).toBe(client.tiers[q]);
        if (average === null) {
          expect(client.value[q]).toBe(null);
          continue;
        }
        const last = aum.get(client.client_id)!.get(quarterMonths(q)[2]) ?? 0;
        expect(last >= 100_000).toBe(client.value[q]);
        for (const line of [200_000, 1_000_000, 5_000_000]) expect(Math.abs(average - line) / line).toBeGreaterThanOrEqual(0.01);
        expect(Math.abs(last - 100_000) / 100_000).toBeGreaterThanOrEqual(0.01);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(14_000);
  });

  it("count transitions, entries and exits between consecutive quarters", () => {
    const t = truths.transitions.find((x: any) => x.from === "2025Q1" && x.to === "2025Q2");
    const counts: Record<string, Record<string, number>> = {};
    for (const c of truths.retail) {
      const a = c.tiers["2025Q1"];
      const b = c.tiers["2025Q2"];
      if (a === null && b === null) continue;
      const from = a ?? "new";
      const to = b ?? "exited";
      (counts[from] ??= {})[to] = (counts[from][to] ?? 0) + 1;
    }
    expect(t.counts).toEqual(counts);
    const all = truths.transitions.flatMap((x: any) => Object.entries(x.counts).flatMap(([f, tos]: any) => Object.keys(tos).map((to) => `${f}→${to}`)));
    for (const move of ["standard→gold", "gold→standard", "gold→platinum", "platinum→diamond", "diamond→platinum", "new→standard", "standard→exited"]) expect(all).toContain(move);
  });

  it("write no balance rows before opening or after closing, and leavers never come back", () => {
    const c = tables.clients;
    const life = new Map(validRows("clients").map((r) => [r[0], {open: r[column(c, "open_date")].slice(0, 7), close: r[column(c, "close_date")].slice(0, 7)}]));
    for (const r of validRows("balances")) {
      const l = life.get(r[0])!;
      expect(r[1] >= l.open || l.open < "2024-01").toBe(true);
      if (l.close) expect(r[1] <= l.close).toBe(true);
    }
    for (const client of truths.retail) {
      const path = truths.quarters.map((q: string) => client.tiers[q]);
      const firstGap = path.findIndex((t: string | null, i: number) => i > 0 && t === null && path[i - 1] !== null);
      if (firstGap > 0) expect(path.slice(firstGap).every((t: string | null) => t === null)).toBe(true);
    }
  });

  it("keep dormant holders free of client-initiated transactions after the first half year", () => {
    const dormant = new Set(truths.retail.filter((c: any) => c.persona === "dormant_holder").map((c: any) => c.client_id));
    const late = validRows("transactions").filter((r) => dormant.has(r[1]) && r[6] === "1" && r[2] >= "2024-07-01");
    expect(dormant.size).toBeGreaterThan(200);
    expect(late).toHaveLength(0);
  });

  it("average about the requested transactions per client-quarter", () => {
    let clientQuarters = 0;
    for (const c of truths.retail) for (const q of truths.quarters) if (c.tiers[q] !== null) clientQuarters++;
    const perClientQuarter = validRows("transactions").length / clientQuarters;
    expect(perClientQuarter).toBeGreaterThan(9 * 0.85);
    expect(perClientQuarter).toBeLessThan(9 * 1.15);
  });
});

describe("the campaign truths", () => {
  it("plant exactly round(p × n) qualifiers per group and the stated incremental AUM", () => {
    const aum = monthlyAum({header: tables.balances.header, rows: validRows("balances")});
    const members = tables.campaign_members;
    expect(truths.campaigns).toHaveLength(2);
    for (const campaign of truths.campaigns) {
      const rows = members.rows.filter((r) => r[0] === campaign.campaign_id);
      const n = {treatment: 0, control: 0} as Record<string, number>;
      const qualified = {treatment: 0, control: 0} as Record<string, number>;
      const change = {treatment: 0, control: 0} as Record<string, number>;
      for (const r of rows) {
        const months = aum.get(r[1]);
        const [, m2, m3] = quarterMonths("2025Q1");
        const qualifies = Math.max(months?.get(m2) ?? 0, months?.get(m3) ?? 0) >= 100_000;
        n[r[2]]++;
        if (qualifies) qualified[r[2]]++;
        change[r[2]] += (quarterAum(months, "2025Q1") ?? 0) - (quarterAum(months, "2024Q4") ?? 0);
      }
      expect(n).toEqual(campaign.members);
      expect(qualified).toEqual(campaign.qualified);
      expect(n.treatment / (n.treatment + n.control)).toBeCloseTo(0.7, 1);
      expect(qualified.control).toBe(Math.round(campaign.controlRate * n.control));
      expect(qualified.treatment).toBe(Math.round((campaign.controlRate + campaign.plantedLift) * n.treatment));
      const realisedLift = qualified.treatment / n.treatment - qualified.control / n.control;
      expect(realisedLift).toBeCloseTo(campaign.realisedLift, 5);
      expect(Math.abs(realisedLift - campaign.plantedLift)).toBeLessThanOrEqual(0.5 / n.treatment + 0.5 / n.control);
      const did = change.treatment / n.treatment - change.control / n.control;
      expect(did).toBeCloseTo(campaign.realisedIncrementalAumPerTreated, 1);
      expect(Math.abs(did - campaign.plantedIncrementalAumPerTreated)).toBeLessThan(1);
    }
  });

  it("draw referral members from new clients and value-uplift members from the two name lists", () => {
    const c = tables.clients;
    const open = new Map(validRows("clients").map((r) => [r[0], r[column(c, "open_date")]]));
    const byId = new Map(truths.retail.map((r: any) => [r.client_id, r]));
    const mortgage = new Set(validRows("balances").filter((r) => r[2] === "mortgage" && r[1] === "2024-12").map((r) => r[0]));
    for (const r of tables.campaign_members.rows) {
      if (r[0].endsWith("-REF")) {
        expect(open.get(r[1])! >= "2025-01-01" && open.get(r[1])! <= "2025-03-31").toBe(true);
        expect(open.get(r[4])! < "2025-01-01").toBe(true);
        expect(r[5]).toBe("");
      } else {
        const client: any = byId.get(r[1]);
        expect(client.value["2024Q4"]).toBe(false);
        if (r[5] === "mortgage") expect(mortgage.has(r[1])).toBe(true);
        else {
          expect(r[5]).toBe("lost_value");
          expect(["2024Q1", "2024Q2", "2024Q3"].some((q) => client.value[q] === true)).toBe(true);
        }
      }
    }
    const lists = new Set(tables.campaign_members.rows.map((r) => r[5]));
    expect(lists).toEqual(new Set(["", "mortgage", "lost_value"]));
    const targets = tables.campaign_targets.rows.filter((r) => r[0].endsWith("-REF"));
    expect(targets.reduce((s, r) => s + Number(r[2]), 0)).toBe(Number(tables.campaigns.rows.find((r) => r[0].endsWith("-REF"))![7]));
  });
});

describe("the corporate truths", () => {
  const config = () => parse(readFileSync(new URL("../../data/config.default.yaml", import.meta.url), "utf8"));

  it("match sizes and tiers recomputed from corporate_metrics.csv with the configuration's default rules", () => {
    const industries = config().enterpriseSize.industries;
    const m = tables.corporate_metrics;
    const get = (r: string[], name: string) => r[column(m, name)];
    const num = (r: string[], name: string) => Number(get(r, name));
    const byId = new Map(truths.corporate.map((c: any) => [c.client_id, c]));
    const seen = {tiers: new Set<string>(), sizes: new Set<string>()};
    for (const r of m.rows) {
      expect(Object.keys(industries)).toContain(get(r, "industry"));
      const bounds = industries[get(r, "industry")];
      const facts: Record<string, number> = {employees: num(r, "employees"), revenue: num(r, "revenue"), assets: num(r, "total_assets")};
      const classes = ["large", "medium", "small"];
      const size = classes.find((_, i) => ["employees", "revenue", "assets"].every((k) => !bounds[k] || facts[k] >= bounds[k][i])) ?? "micro";
      const any = (lines: number[]) =>
        num(r, "avg_daily_deposits") >= lines[0] || num(r, "period_end_deposits") >= lines[1] || num(r, "pos_settlement_monthly") >= lines[2] ||
        (num(r, "payroll_headcount") >= lines[3] && num(r, "payroll_amount_monthly") >= lines[4]) || num(r, "company_cards") >= lines[5];
      const tier =
        get(r, "strategic_agreement") === "1" && ["AAA", "AA", "A"].includes(get(r, "credit_rating")) && get(r, "adverse_credit") === "0" && num(r, "settlement_share") >= 0.6
          ? "strategic"
          : size === "large" && get(r, "supported_sector") === "1" && (any([1e8, 3e8, 8e6, 150, 8e5, 20]) || get(r, "online_banking_daily") === "1")
            ? "quality"
            : get(r, "stable_lending") === "1" && any([8e7, 1.5e8, 5e6, 100, 5e5, 10])
              ? "contributor"
              : "potential";
      const truth: any = byId.get(r[0]);
      expect(truth.size[r[1]], `${r[0]} ${r[1]}`).toBe(size);
      expect(truth.tiers[r[1]], `${r[0]} ${r[1]}`).toBe(tier);
      seen.tiers.add(tier);
      seen.sizes.add(size);
    }
    expect(seen.tiers).toEqual(new Set(["strategic", "quality", "contributor", "potential"]));
    expect(seen.sizes).toEqual(new Set(["large", "medium", "small", "micro"]));
  });
});
