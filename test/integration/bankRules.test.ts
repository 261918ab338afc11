// The bank's own rules of the default configuration (DOMAIN.md §1–§2) on the
// demo bank, against a computation written here from the raw extract and the
// documented definitions: contribution tiers (annual revenue, AUM and product
// growth, top shares of the quarter's clients), deposit amount / term /
// frequency bands (the deposits table of the bank's own, with the clients the
// generator planted on the lines) and the traditional corporate size cut.
// Uses the outputs `npm run build` makes (recomputed only when stale).

import {readFileSync} from "node:fs";
import path from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {demoKey} from "../../loaders/anonymise/key.js";
import {pseudonym} from "../../loaders/anonymise/pseudonym.js";
import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {ensurePipeline} from "../../loaders/pipeline/ensure.js";
import {repoRoot} from "../../loaders/pipeline/run.js";
import {parseQuarter} from "../../src/segmentation/periods/index.js";

const extract = path.join(repoRoot, "data/demo/extract");
type Row = Record<string, string>;
function csv(file: string): Row[] {
  const [header, ...lines] = readFileSync(path.join(extract, file), "utf8").trim().split("\n");
  const names = header.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ""]));
  });
}
const days = (month: string) => new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).getUTCDate();

interface Segment {
  client_pid: string;
  quarter: string;
  client_type: string;
  tier_contribution: string | null;
  tier_deposit_amount_band: string | null;
  tier_deposit_term_band: string | null;
  tier_deposit_frequency: string | null;
  tier_traditional_size: string | null;
}

let dir: string;
let quarters: string[];
let segments: Segment[];
let features: Map<string, {avg_daily_aum: number; product_count: number; annual_revenue: number}>;
const clientOf = new Map<string, string>();

beforeAll(async () => {
  ({dir} = await ensurePipeline({quiet: true}));
  quarters = JSON.parse(readFileSync(path.join(dir, "run.json"), "utf8")).quarters;
  const engine = await openDuckDb();
  segments = await engine.all<Segment>(
    `SELECT client_pid, quarter, client_type, tier_contribution, tier_deposit_amount_band, tier_deposit_term_band, tier_deposit_frequency, tier_traditional_size FROM '${dir}/segments.parquet'`
  );
  features = new Map(
    (await engine.all<{client_pid: string; quarter: string; avg_daily_aum: number; product_count: number; annual_revenue: number}>(
      `SELECT client_pid, quarter, avg_daily_aum, product_count, annual_revenue FROM '${dir}/features.parquet'`
    )).map((r) => [`${r.client_pid} ${r.quarter}`, r])
  );
  engine.close();
  for (const c of csv("clients.csv")) clientOf.set(pseudonym(demoKey, c.client_id), c.client_id);
}, 900_000);

/** The calendar months of the twelve up to a quarter's end (fewer at the calendar's start). */
const yearMonths = (quarter: string) => {
  const i = quarters.indexOf(quarter);
  return new Set(quarters.slice(Math.max(0, i - 3), i + 1).flatMap((q) => parseQuarter(q).months));
};

/** Tiers by client and quarter, from the segments, for one classification. */
const measured = (column: keyof Segment, type = "retail") =>
  new Map(segments.filter((s) => s.client_type === type).map((s) => [`${clientOf.get(s.client_pid)} ${s.quarter}`, s[column] as string]));

describe("deposit behaviour bands (DOMAIN.md §1) on the demo bank", () => {
  let expected: Map<string, {amount: string; term: string; frequency: string}>;
  beforeAll(() => {
    const byClient = new Map<string, Row[]>();
    for (const d of csv("deposits.csv")) byClient.set(d.client_id, [...(byClient.get(d.client_id) ?? []), d]);
    expected = new Map();
    for (const s of segments.filter((s) => s.client_type === "retail")) {
      const client = clientOf.get(s.client_pid)!;
      const months = yearMonths(s.quarter);
      const year = (byClient.get(client) ?? []).filter((d) => months.has(d.placed_on.slice(0, 7)));
      const amounts = year.map((d) => Number(d.amount));
      const terms = year.filter((d) => d.product === "time").map((d) => Number(d.term_months));
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      // DOMAIN.md: small < 1万, medium 1万–10万, large > 10万; short 1 month – 1 year, medium 1–3 years, long > 3 years;
      // frequency high > 10 a year, medium 5–10, low < 5
      const amount = !amounts.length ? "no_deposit" : mean(amounts) > 100_000 ? "large" : mean(amounts) >= 10_000 ? "medium" : "small";
      const term = !terms.length ? "no_time_deposit" : mean(terms) > 36 ? "long" : mean(terms) > 12 ? "medium" : "short";
      const frequency = year.length > 10 ? "high" : year.length >= 5 ? "medium" : "low";
      expected.set(`${client} ${s.quarter}`, {amount, term, frequency});
    }
  });

  it("bands every retail client-quarter as the plain computation from deposits.csv does", () => {
    for (const [band, column] of [["amount", "tier_deposit_amount_band"], ["term", "tier_deposit_term_band"], ["frequency", "tier_deposit_frequency"]] as const) {
      const tiers = measured(column);
      const wrong = [...expected].filter(([key, e]) => tiers.get(key) !== e[band]);
      expect(wrong.slice(0, 3), band).toEqual([]);
      expect(tiers.size).toBe(expected.size);
    }
  });

  it("puts the clients planted exactly on the lines where DOMAIN.md's words put them", () => {
    const truths = JSON.parse(readFileSync(path.join(repoRoot, "data/demo/truths.json"), "utf8"));
    const lines: {client_id: string; quarter: string; deposits: number; averageAmount: number; bands: {amount: string; term: string; frequency: string}}[] = truths.depositLines;
    expect(lines.map((l) => [l.deposits, l.averageAmount])).toEqual([[10, 100_000], [5, 10_000], [11, 100_000.01], [4, 9_999.99], [1, 250_000]]);
    const [amount, term, frequency] = [measured("tier_deposit_amount_band"), measured("tier_deposit_term_band"), measured("tier_deposit_frequency")];
    for (const line of lines) {
      const key = `${line.client_id} ${line.quarter}`;
      expect({amount: amount.get(key), term: term.get(key), frequency: frequency.get(key)}, line.client_id).toEqual(line.bands);
    }
  });

  it("has every band populated in the latest quarter", () => {
    const latest = quarters.at(-1)!;
    const seen = (column: keyof Segment) => new Set(segments.filter((s) => s.quarter === latest && s.client_type === "retail").map((s) => s[column]));
    expect(seen("tier_deposit_amount_band")).toEqual(new Set(["large", "medium", "small", "no_deposit"]));
    expect(seen("tier_deposit_term_band")).toEqual(new Set(["long", "medium", "short", "no_time_deposit"]));
    expect(seen("tier_deposit_frequency")).toEqual(new Set(["high", "medium", "low"]));
  });
});

describe("contribution tiers (DOMAIN.md §1) on the demo bank", () => {
  // The default configuration's margins a year, by product (data/config.default.yaml).
  const rate: Record<string, number> = {demand: 0.015, time: 0.015, wealth: 0.008, fund: 0.008, insurance: 0.008, mortgage: 0.01, consumer_loan: 0.03};

  it("estimates annual revenue from balances.csv as documented: margins on average daily balances over the year", () => {
    // Valid balance rows only (the generator plants two negative ones, which validation quarantines).
    const revenueCents = new Map<string, Map<string, number>>(); // client → month → Σ round(balance × rate × days × 100)
    // client_id,month,product,avg_daily_balance,month_end_balance, read as plain lines: a million of them
    for (const line of readFileSync(path.join(extract, "balances.csv"), "utf8").trim().split("\n").slice(1)) {
      const [client, month, product, average, end] = line.split(",");
      if (Number(average) < 0 || Number(end) < 0 || !(product in rate)) continue;
      const months = revenueCents.get(client) ?? new Map<string, number>();
      months.set(month, (months.get(month) ?? 0) + Math.round(Number(average) * rate[product] * days(month) * 100));
      revenueCents.set(client, months);
    }
    let compared = 0;
    for (const s of segments.filter((s) => s.client_type === "retail")) {
      const months = yearMonths(s.quarter);
      let cents = 0;
      for (const [month, c] of revenueCents.get(clientOf.get(s.client_pid)!) ?? []) if (months.has(month)) cents += c;
      const windowDays = [...months].reduce((sum, m) => sum + days(m), 0);
      expect(features.get(`${s.client_pid} ${s.quarter}`)!.annual_revenue, `${clientOf.get(s.client_pid)} ${s.quarter}`).toBe(cents / 100 / windowDays);
      ++compared;
    }
    expect(compared).toBe(segments.filter((s) => s.client_type === "retail").length);
  });

  it("takes the quarter's top 20% by revenue as core, then the top quartile of AUM or product growth as potential", () => {
    const tiers = measured("tier_contribution");
    const expected = new Map<string, string>();
    for (const quarter of quarters) {
      const clients = segments.filter((s) => s.quarter === quarter && s.client_type === "retail").map((s) => s.client_pid);
      const earlier = quarters[quarters.indexOf(quarter) - 4];
      const value = (pid: string, q: string | undefined) => (q === undefined ? undefined : features.get(`${pid} ${q}`));
      const growth = (pid: string, f: "avg_daily_aum" | "product_count") => {
        const [now, then] = [value(pid, quarter), value(pid, earlier)];
        return now && then ? now[f] - then[f] : null;
      };
      const revenue = new Map(clients.map((pid) => [pid, value(pid, quarter)!.annual_revenue]));
      const aumGrowth = new Map(clients.map((pid) => [pid, growth(pid, "avg_daily_aum")]));
      const productGrowth = new Map(clients.map((pid) => [pid, growth(pid, "product_count")]));
      // in the top share: the clients at or above this value are at most that share of the quarter's clients
      const top = (values: Map<string, number | null>, share: number) => {
        const present = [...values.values()].filter((v): v is number => v !== null).sort((a, b) => b - a);
        return (pid: string) => {
          const v = values.get(pid);
          if (v === null || v === undefined) return false;
          // how many values are at or above v: the first position below it, by bisection on the descending list
          let [lo, hi] = [0, present.length];
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (present[mid] >= v) lo = mid + 1;
            else hi = mid;
          }
          return lo / clients.length <= share;
        };
      };
      const [core, aum, products] = [top(revenue, 0.2), top(aumGrowth, 0.25), top(productGrowth, 0.25)];
      for (const pid of clients) expected.set(`${clientOf.get(pid)} ${quarter}`, core(pid) ? "core" : aum(pid) || products(pid) ? "potential" : "general");
    }
    const wrong = [...expected].filter(([key, tier]) => tiers.get(key) !== tier);
    expect(wrong.slice(0, 3)).toEqual([]);
    // about a fifth is core in every quarter, never more
    for (const quarter of quarters) {
      const inQuarter = [...expected].filter(([key]) => key.endsWith(quarter)).map(([, t]) => t);
      const core = inQuarter.filter((t) => t === "core").length / inQuarter.length;
      expect(core).toBeLessThanOrEqual(0.2);
      expect(core).toBeGreaterThan(0.19);
    }
    // growth needs a year of history: no potential client before the fifth quarter
    expect([...expected].filter(([key, t]) => t === "potential" && quarters.indexOf(key.split(" ")[1]) < 4)).toEqual([]);
    expect([...expected.values()].filter((t) => t === "potential").length).toBeGreaterThan(1000);
  });
});

describe("the traditional corporate size cut (DOMAIN.md §2) on the demo bank", () => {
  it("cuts by annual sales as configured: the strategic list, then ≥ 3亿 (1.5亿 in the lower-line industries), ≥ 2000万, the rest", () => {
    const lower = new Set(["agriculture", "retail", "accommodation", "catering", "software", "property_management"]);
    const tiers = measured("tier_traditional_size", "corporate");
    const expected = new Map<string, string>();
    for (const m of csv("corporate_metrics.csv")) {
      if (!quarters.includes(m.quarter)) continue;
      const revenue = Number(m.revenue); // 万元
      const line = lower.has(m.industry) ? 15_000 : 30_000;
      const tier = m.strategic_agreement === "1" ? "strategic" : revenue >= line ? "large" : revenue >= 2_000 ? "medium" : "small";
      expected.set(`${m.client_id} ${m.quarter}`, tier);
    }
    expect(tiers.size).toBe(expected.size);
    expect([...expected].filter(([key, tier]) => tiers.get(key) !== tier).slice(0, 3)).toEqual([]);
    // the lower line decides somewhere: large by 1.5亿 in a lower-line industry
    const lowerLarge = csv("corporate_metrics.csv").filter((m) => lower.has(m.industry) && m.strategic_agreement !== "1" && Number(m.revenue) >= 15_000 && Number(m.revenue) < 30_000);
    expect(lowerLarge.length).toBeGreaterThan(0);
  });
});

describe("the segments page's data", () => {
  it("publishes the new classifications by quarter and region, with the counts of the segments", () => {
    const site = JSON.parse(readFileSync(path.join(dir, "site", "segments.json"), "utf8"));
    const latest = quarters.at(-1)!;
    expect(site.retailClassifications.map((c: {id: string}) => c.id)).toEqual(expect.arrayContaining(["contribution", "deposit_amount_band", "deposit_term_band", "deposit_frequency"]));
    expect(site.corporateClassifications.map((c: {id: string}) => c.id)).toContain("traditional_size");
    for (const id of ["contribution", "deposit_frequency"]) {
      const published = site.retailTiers.filter((r: {quarter: string; region: string; classification: string}) => r.quarter === latest && r.region === "*" && r.classification === id);
      const counted: Record<string, number> = {};
      for (const s of segments) if (s.quarter === latest && s.client_type === "retail") counted[s[`tier_${id}` as keyof Segment] as string] = (counted[s[`tier_${id}` as keyof Segment] as string] ?? 0) + 1;
      expect(Object.fromEntries(published.map((r: {tier: string; clients: number}) => [r.tier, r.clients]))).toEqual(counted);
    }
  });
});
