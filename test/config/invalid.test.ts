import {describe, expect, it} from "vitest";
import {ConfigError, parseConfig} from "../../loaders/config/index.js";
import {defaultYaml, edit, lineOf, problemAt, problemsOf} from "./helpers.js";

describe("an invalid configuration names the exact path, the value and the line", () => {
  it("a wrong type: a string where a number belongs", () => {
    const yaml = edit("suppressionThreshold: 10", 'suppressionThreshold: "ten"');
    const p = problemAt(problemsOf(yaml), "privacy.suppressionThreshold");
    expect(p.message).toBe('got "ten"; expected a number');
    expect(p.line).toBe(lineOf(yaml, "suppressionThreshold"));
    expect(p.column).toBe(25);
  });

  it("an unknown key (a typo) suggests the closest known key", () => {
    const yaml = edit("suppressionThreshold: 10", "suppresionThreshold: 10");
    const problems = problemsOf(yaml);
    const p = problemAt(problems, "privacy.suppresionThreshold");
    expect(p.message).toBe("unknown key; did you mean suppressionThreshold?");
    expect([p.line, p.column]).toEqual([lineOf(yaml, "suppresionThreshold"), 3]);
    // The real key is then missing too, which the suggestion already says.
    expect(problems).toHaveLength(1);
  });

  it('a bad comparison operator "=>" lists the allowed ones, in the documented format', () => {
    const yaml = edit('when: {feature: avg_daily_aum, op: ">=", value: 1000000}', 'when: {feature: avg_daily_aum, op: "=>", value: 1000000}');
    const line = lineOf(yaml, '"=>"');
    const column = yaml.split("\n")[line - 1].indexOf('"=>"') + 1;
    try {
      parseConfig(yaml, {file: "data/config.yaml"});
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).message).toBe(
        `invalid configuration: data/config.yaml\n  data/config.yaml:${line}:${column} classifications[0].tiers[1].when.op: got "=>"; expected one of >=, >, <=, <, ==, !=, in`
      );
    }
  });

  it("a KPI that names a tier its classification does not have", () => {
    const yaml = edit("dormant: {classification: activity, tier: dormant}", "dormant: {classification: activity, tier: sleeping}");
    const p = problemAt(problemsOf(yaml), "kpis.dormant.tier");
    expect(p.message).toBe('got "sleeping"; expected a tier of activity: active, dormant, potential');
  });

  it("a missing required field points at its parent", () => {
    const yaml = edit("  keyEnv: SEG_PSEUDONYM_KEY  # HMAC key for pseudonyms; the demo bank uses a published demo key\n", "");
    expect(problemsOf(yaml)).toEqual([{file: "data/config.yaml", line: lineOf(yaml, "privacy:"), column: 1, path: "privacy.keyEnv", message: "missing; expected a string"}]);
  });

  it("a last tier with `when` leaves some clients without a tier", () => {
    const yaml = edit("- {id: standard, label: {zh: 普通客户, en: Standard}}", "- {id: standard, label: {zh: 普通客户, en: Standard}, when: {feature: avg_daily_aum, op: \">=\", value: 0}}");
    const p = problemAt(problemsOf(yaml), "classifications[0].tiers[3].when");
    expect(p.message).toMatch(/the last tier must omit `when`/);
    expect(p.line).toBe(lineOf(yaml, "{id: standard"));
  });

  it("a middle tier without `when` shadows every tier after it", () => {
    const yaml = edit('- {id: platinum, label: {zh: 白金卡, en: Platinum}, when: {feature: avg_daily_aum, op: ">=", value: 1000000}}', "- {id: platinum, label: {zh: 白金卡, en: Platinum}}");
    const p = problemAt(problemsOf(yaml), "classifications[0].tiers[1].when");
    expect(p.message).toMatch(/only the last tier may omit `when`.*platinum is not last/);
    expect(p.line).toBe(lineOf(yaml, "{id: platinum"));
  });

  it("a duplicate tier id names the second one", () => {
    const yaml = edit("- {id: gold, label: {zh: 金卡", "- {id: platinum, label: {zh: 金卡");
    const p = problemAt(problemsOf(yaml), "classifications[0].tiers[2].id");
    expect(p.message).toBe("duplicate tier id: platinum");
    expect(p.line).toBe(lineOf(yaml, "{zh: 金卡"));
  });

  it("a ladder whose Gold threshold is above Platinum's says which tiers", () => {
    const yaml = edit("en: Gold}, when: {feature: avg_daily_aum, op: \">=\", value: 200000}", "en: Gold}, when: {feature: avg_daily_aum, op: \">=\", value: 2000000}");
    const p = problemAt(problemsOf(yaml), "classifications[0].tiers[2].when.value");
    expect(p.message).toBe("got 2000000; expected less than 1000000, the avg_daily_aum threshold of tier platinum above it: tiers are tried in order, so tier gold could never be reached");
    expect(p.line).toBe(lineOf(yaml, "value: 2000000"));
  });

  it("migration.classification must name an existing classification", () => {
    const yaml = edit("classification: retail_tier", "classification: retail_tiers");
    expect(problemAt(problemsOf(yaml), "migration.classification")).toMatchObject({
      message: 'got "retail_tiers"; expected an existing classification (did you mean retail_tier?)',
      line: lineOf(yaml, "retail_tiers"),
    });
  });

  it("a rule may only use classifications listed earlier", () => {
    const yaml = edit("{classification: enterprise_size, in: [large]}", "{classification: loan_scale, in: [with_loan]}");
    const p = problemAt(problemsOf(yaml), "classifications[5].tiers[1].when.all[0].classification");
    expect(p.message).toBe('got "loan_scale", which is defined later (classifications[6]); a rule may only use classifications listed before it');
    expect(p.line).toBe(lineOf(yaml, "{classification: loan_scale"));
  });

  it("a rule may not use a classification of the other client type, nor a tier it lacks", () => {
    const wrongType = edit("{classification: enterprise_size, in: [large]}", "{classification: retail_tier, in: [gold]}");
    expect(problemAt(problemsOf(wrongType), "classifications[5].tiers[1].when.all[0].classification").message).toMatch(/applies to retail clients; expected a classification that applies to corporate clients/);
    const wrongTier = edit("{classification: enterprise_size, in: [large]}", "{classification: enterprise_size, in: [huge]}");
    expect(problemAt(problemsOf(wrongTier), "classifications[5].tiers[1].when.all[0].in[0]").message).toBe('got "huge"; expected a tier of enterprise_size: large, medium, small, micro');
  });

  it("an RFM range outside 1..bins", () => {
    const yaml = edit("- {id: champions, label: {zh: 重要价值客户, en: Champions}, r: [5, 5]", "- {id: champions, label: {zh: 重要价值客户, en: Champions}, r: [5, 6]");
    const p = problemAt(problemsOf(yaml), "rfm.segments[0].r[1]");
    expect(p.message).toBe("got 6; expected a score from 1 to 5 (rfm.bins)");
    expect(p.line).toBe(lineOf(yaml, "id: champions"));
  });

  it("an RFM map with a gap or a dead segment", () => {
    const gap = edit("{id: lost, label: {zh: 已流失, en: Lost}, r: [1, 5], fm: [1, 5]}", "{id: lost, label: {zh: 已流失, en: Lost}, r: [2, 5], fm: [1, 5]}");
    expect(problemAt(problemsOf(gap), "rfm.segments").message).toMatch(/^scores r=1 fm=1 match no segment/);
    const dead = edit("{id: loyal, label: {zh: 忠诚客户, en: Loyal}, r: [3, 4], fm: [4, 5]}", "{id: loyal, label: {zh: 忠诚客户, en: Loyal}, r: [5, 5], fm: [4, 5]}");
    expect(problemAt(problemsOf(dead), "rfm.segments[1]").message).toBe("segment loyal is never reached: segments above it take all of its scores");
  });

  it("kMin above kMax, and k above kMax", () => {
    const yaml = edit("kMin: 2, kMax: 10", "kMin: 12, kMax: 10");
    expect(problemAt(problemsOf(yaml), "kmeans.diagnostics.kMin")).toMatchObject({message: "got 12; expected at most kmeans.diagnostics.kMax (10)", line: lineOf(yaml, "kMin: 12")});
    const k = edit("kMin: 2, kMax: 10", "kMin: 2, kMax: 4");
    expect(problemAt(problemsOf(k), "kmeans.k").message).toMatch(/^got 5; expected at most kmeans.diagnostics.kMax \(4\)/);
  });

  it("a bad quarter format in extract.demo.firstQuarter", () => {
    const yaml = edit("firstQuarter: 2024Q1", "firstQuarter: 2024-Q1");
    expect(problemAt(problemsOf(yaml), "extract.demo.firstQuarter")).toMatchObject({message: 'got "2024-Q1"; expected a quarter like 2024Q1', line: lineOf(yaml, "firstQuarter"), column: 19});
  });

  it("a negative suppression threshold", () => {
    const yaml = edit("suppressionThreshold: 10", "suppressionThreshold: -1");
    expect(problemAt(problemsOf(yaml), "privacy.suppressionThreshold").message).toBe("got -1; expected a number at least 1");
  });

  it("an unknown table under extract.tables, and an unknown contract column", () => {
    const yaml = edit("campaign_targets: {path: campaign_targets.csv}", "campaign_target: {path: campaign_targets.csv}");
    expect(problemAt(problemsOf(yaml), "extract.tables.campaign_target")).toMatchObject({message: "unknown table; did you mean campaign_targets?", line: lineOf(yaml, "campaign_target:"), column: 5});
    const column = edit("clients: {path: clients.csv}", "clients: {path: clients.csv, columns: {client_no: KHH, branch: JGH}}");
    const problems = problemsOf(column);
    expect(problemAt(problems, "extract.tables.clients.columns.client_no").message).toMatch(/^unknown contract column of clients; /);
    expect(problemAt(problems, "extract.tables.clients.columns.branch").message).toBe("unknown contract column of clients; did you mean branch_id?");
  });

  it("a YAML syntax error names its line", () => {
    const yaml = edit("  publishSample: false", "  publishSample: [false");
    const problems = problemsOf(yaml);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/^YAML syntax error: /);
    expect(problems[0].line).toBeGreaterThanOrEqual(lineOf(yaml, "publishSample"));
  });

  it("a condition that fits no shape lists the shapes; one that fits reports inside it", () => {
    const shapeless = edit("when: {feature: frequency, op: \">=\", value: 3}", "when: {feature: frequency}");
    expect(problemAt(problemsOf(shapeless), "classifications[2].tiers[0].when").message).toBe(
      'got {"feature":"frequency"}; expected a condition: {feature, op, value} | {feature, in} | {classification, in} | {all} | {any} | {not}'
    );
    const typo = edit("when: {feature: frequency, op: \">=\", value: 3}", "when: {feature: frequency, opp: \">=\", value: 3}");
    const problems = problemsOf(typo);
    expect(problemAt(problems, "classifications[2].tiers[0].when.opp").message).toBe("unknown key; did you mean op?");
    expect(problems.map((p) => p.path)).toEqual(["classifications[2].tiers[0].when.opp"]);
    const nested = edit("- {feature: company_cards, op: \">=\", value: 20}", "- {not: 20}");
    expect(problemAt(problemsOf(nested), "classifications[5].tiers[1].when.all[2].any[5].not").message).toMatch(/^got 20; expected a condition: /);
  });

  it("a fallback industry that is not in the table, and unsorted age bands", () => {
    const yaml = edit("{id: age_30_44, min: 30", "{id: age_30_44, min: 50", edit("fallbackIndustry: other", "fallbackIndustry: others"));
    const problems = problemsOf(yaml);
    expect(problemAt(problems, "enterpriseSize.fallbackIndustry").message).toMatch(/did you mean other\?/);
    expect(problemAt(problems, "privacy.ageBands[2].min").message).toBe("got 45; expected more than 50, the min of the band before it (bands are sorted by min)");
  });

  it("every problem is listed at once, in file order", () => {
    let yaml = edit("suppressionThreshold: 10", "suppressionThreshold: -1");
    yaml = edit("kMin: 2, kMax: 10", "kMin: 12, kMax: 10", yaml);
    yaml = edit("firstQuarter: 2024Q1", "firstQuarter: Q1", yaml);
    yaml = edit("classification: retail_tier", "classification: nope", yaml);
    const problems = problemsOf(yaml);
    expect(problems.map((p) => p.path)).toEqual(["extract.demo.firstQuarter", "privacy.suppressionThreshold", "kmeans.diagnostics.kMin", "migration.classification"]);
    expect(problems.map((p) => p.line)).toEqual([...problems.map((p) => p.line!)].sort((a, b) => a - b));
  });

  it("an empty file says so", () => {
    expect(problemsOf("# nothing here\n")[0].message).toMatch(/^the file is empty/);
    expect(defaultYaml.length).toBeGreaterThan(0);
  });
});
