import {describe, expect, it} from "vitest";
import {KpiTile} from "../../src/components/KpiTile.js";
import {newDocument} from "./jsdom.js";

const text = (el: Element, selector: string) => el.querySelector(selector)?.textContent;

describe("KpiTile", () => {
  it("shows the formatted value and the signed change", () => {
    const tile = KpiTile(21500, {label: "客户数", change: 1234, changeLabel: "较上季度", document: newDocument()});
    expect(text(tile, ".kpi-label")).toBe("客户数");
    expect(text(tile, ".kpi-value")).toBe("21,500");
    expect(text(tile, ".kpi-delta")).toBe("+1,234");
    expect(text(tile, ".kpi-change-label")).toBe("较上季度");
    expect(tile.querySelector(".kpi-change")!.classList.contains("kpi-good")).toBe(true);
  });

  it("writes money in 万/亿 and its change with the same units", () => {
    const tile = KpiTile(123456789, {format: "money", change: -56000, document: newDocument()});
    expect(text(tile, ".kpi-value")).toBe("1.23亿");
    expect(text(tile, ".kpi-delta")).toBe("\u22125.6万");
  });

  it("writes a rate as a percentage and its change in points", () => {
    const tile = KpiTile(0.0312, {format: "percent", change: -0.004, locale: "en", document: newDocument()});
    expect(text(tile, ".kpi-value")).toBe("3.1%");
    expect(text(tile, ".kpi-delta")).toBe("\u22120.4 pp");
  });

  it("colours a rise in churn as bad news", () => {
    const tile = KpiTile(320, {change: 25, goodWhen: "down", document: newDocument()});
    expect(tile.querySelector(".kpi-change")!.className).toContain("kpi-bad");
  });

  it("shows an em dash for an empty segment and the marker for a suppressed one", () => {
    expect(text(KpiTile(undefined, {document: newDocument()}), ".kpi-value")).toBe("—");
    expect(text(KpiTile(null, {suppressed: true, threshold: 10, document: newDocument()}), ".kpi-value")).toBe("<10");
  });

  it("leaves out the change line when no change is given", () => {
    expect(KpiTile(5, {document: newDocument()}).querySelector(".kpi-change")).toBeNull();
  });
});
