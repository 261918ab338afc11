import {describe, expect, it} from "vitest";
import {parseConfig} from "../../loaders/config/index.js";
import {describeClassifications, describeCondition, describeRfmSegments, featureCatalogue, type Condition} from "../../src/config/index.js";
import {defaultYaml} from "./helpers.js";

const config = parseConfig(defaultYaml);

function featuresUsed(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if ("all" in condition) return condition.all.flatMap(featuresUsed);
  if ("any" in condition) return condition.any.flatMap(featuresUsed);
  if ("not" in condition) return featuresUsed(condition.not);
  return "feature" in condition ? [condition.feature] : [];
}

describe("describeClassifications", () => {
  it("writes the VIP ladder in Chinese with 万", () => {
    const [retail] = describeClassifications(config, {locale: "zh-CN"});
    expect(retail.label).toBe("贵宾等级");
    expect(retail.rules).toEqual(["钻石卡: 季日均金融资产 ≥ 500万", "白金卡: 季日均金融资产 ≥ 100万", "金卡: 季日均金融资产 ≥ 20万", "普通客户: 其余客户"]);
  });

  it("writes the VIP ladder in English with full digits", () => {
    const [retail] = describeClassifications(config, {locale: "en"});
    expect(retail.rules[0]).toBe("Diamond: quarter average daily AUM ≥ 5,000,000");
    expect(retail.rules.at(-1)).toBe("Standard: all other clients");
  });

  it("writes nested corporate rules with 亿, shares, flags and classification labels", () => {
    const corporate = describeClassifications(config, {locale: "zh-CN"}).find((c) => c.id === "corporate_tier")!;
    expect(corporate.rules[0]).toBe("战略客户: 已签署战略合作协议 = 是 且 信用评级为AAA、AA、A之一 且 有不良信用记录 = 否 且 在我行结算占比 ≥ 60%");
    expect(corporate.rules[2]).toMatch(/^持续贡献客户: 有稳定信贷关系 = 是 且 \(对公存款日均 ≥ 8000万 或 期末对公存款 ≥ 1.5亿 或 /);
    const en = describeClassifications(config, {locale: "en"}).find((c) => c.id === "corporate_tier")!;
    expect(en.rules[1]).toMatch(/^Quality: Enterprise size is Large and /);
  });

  it("falls back to the column name for a feature it does not know, and says not", () => {
    expect(describeCondition({not: {feature: "nps_score", op: "<", value: 7}}, {locale: "en"})).toBe("not (nps_score < 7)");
  });

  it("has a name in both languages for every feature the default configuration uses", () => {
    const used = new Set([
      ...config.classifications.flatMap((c) => c.tiers.flatMap((t) => featuresUsed(t.when))),
      config.rfm.recencyFeature,
      config.rfm.frequencyFeature,
      config.rfm.monetaryFeature,
      ...config.kmeans.features.map((f) => f.feature),
      ...Object.values(config.campaigns.outcomes).map((o) => o.qualifyingFeature),
      ...Object.values(config.enterpriseSize.metrics),
    ]);
    expect(used.size).toBeGreaterThan(25);
    const catalogue = featureCatalogue(config);
    for (const feature of used) expect(catalogue[feature], feature).toMatchObject({zh: expect.any(String), en: expect.any(String)});
  });
});

describe("describeRfmSegments", () => {
  it("prints score ranges", () => {
    expect(describeRfmSegments(config.rfm, {locale: "en"})[0]).toBe("Champions: R 5, FM 4–5");
    expect(describeRfmSegments(config.rfm).at(-1)).toBe("已流失: R 1–5, FM 1–5");
  });
});
