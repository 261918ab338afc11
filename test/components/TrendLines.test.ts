import {describe, expect, it} from "vitest";
import {TrendLines} from "../../src/components/TrendLines.js";
import {newDocument} from "./jsdom.js";

const rows = [
  {period: "2025Q1", series: "upgrade", value: 0.021},
  {period: "2025Q2", series: "upgrade", value: 0.025},
  {period: "2025Q3", series: "upgrade", value: 0.03, projected: true},
  {period: "2025Q1", series: "downgrade", value: 0.011},
  {period: "2025Q2", series: "downgrade", value: 0.015},
];
const seriesLabels = {upgrade: {zh: "升级率", en: "Upgrade rate"}, downgrade: {zh: "降级率", en: "Downgrade rate"}};

describe("TrendLines", () => {
  it("labels quarters and rates in the locale", () => {
    const chart = TrendLines(rows, {seriesLabels, document: newDocument()});
    const text = chart.textContent!;
    expect(text).toContain("2025年第1季度");
    expect(text).toContain("升级率");
    expect(text).toContain("2.0%");
    const en = TrendLines(rows, {seriesLabels, locale: "en", document: newDocument()});
    expect(en.textContent).toContain("2025 Q1");
    expect(en.textContent).toContain("Downgrade rate");
  });

  it("draws a projection dashed and says so in its tooltip", () => {
    const chart = TrendLines(rows, {seriesLabels, document: newDocument()});
    expect(chart.querySelector('[stroke-dasharray="4,3"]')).not.toBeNull();
    const titles = [...chart.querySelectorAll("title")].map((d) => d.textContent);
    expect(titles).toContain("升级率 · 2025年第3季度: 3.0% (预测)");
    expect(titles).toContain("降级率 · 2025年第2季度: 1.5%");
  });
});
