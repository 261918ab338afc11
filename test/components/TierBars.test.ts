import {describe, expect, it} from "vitest";
import {TierBars} from "../../src/components/TierBars.js";
import {newDocument, prettyMarkup} from "./jsdom.js";

const ladder = ["diamond", "platinum", "gold", "standard"];
const rows = [
  {tier: "standard", label: {zh: "普通客户", en: "Standard"}, count: 17000, aum: 510_000_000},
  {tier: "gold", label: {zh: "金卡", en: "Gold"}, count: 2400, aum: 960_000_000},
  {tier: "platinum", label: {zh: "白金卡", en: "Platinum"}, count: null, aum: null, suppressed: true},
  {tier: "diamond", label: {zh: "钻石卡", en: "Diamond"}, count: 120, aum: 1_200_000_000},
];

describe("TierBars", () => {
  it("puts the highest tier on top", () => {
    const svg = TierBars(rows, {ladder, document: newDocument(), threshold: 10});
    const ticks = [...svg.querySelectorAll('[aria-label="y-axis tick label"] text')].map((d) => d.textContent);
    expect(ticks).toEqual(["钻石卡", "白金卡", "金卡", "普通客户"]);
  });

  it("writes counts with shares of the published total, and the marker for a suppressed tier", () => {
    const svg = TierBars(rows, {ladder, document: newDocument(), threshold: 10});
    const labels = [...svg.querySelectorAll('[aria-label="text"] text')].map((d) => d.textContent);
    expect(labels).toEqual(["120 (0.6%)", "2,400 (12.3%)", "17,000 (87.1%)", "<10"]);
    expect(svg.querySelectorAll('[aria-label="bar"] rect')).toHaveLength(3);
  });

  it("sizes bars by AUM in English", () => {
    const svg = TierBars(rows, {ladder, metric: "aum", locale: "en", share: false, document: newDocument()});
    const labels = [...svg.querySelectorAll('[aria-label="text"] text')].map((d) => d.textContent);
    expect(labels).toContain("1.2B");
    expect(labels).toContain("960M");
    expect(svg.textContent).toContain("AUM (CNY)");
  });

  it("rejects an unknown metric", () => {
    expect(() => TierBars(rows, {metric: "revenue" as never, document: newDocument()})).toThrow("invalid metric: revenue");
  });

  it("matches its golden SVG", async () => {
    const svg = TierBars(rows, {ladder, width: 640, threshold: 10, document: newDocument()});
    await expect(prettyMarkup(svg)).toMatchFileSnapshot("./__snapshots__/TierBars.svg");
  });
});
