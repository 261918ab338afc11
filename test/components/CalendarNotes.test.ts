import {describe, expect, it} from "vitest";
import {CalendarNotes} from "../../src/components/CalendarNotes.js";
import {newDocument} from "./jsdom.js";

const notes = (el: Element) => [...el.querySelectorAll("p")].map((p) => p.textContent);

describe("CalendarNotes", () => {
  const incomplete = [
    {quarter: "2024Q1", balanceMonths: ["2024-02", "2024-03"], kept: false},
    {quarter: "2024Q3", balanceMonths: ["2024-07", "2024-09"], kept: true},
  ];

  it("names each incomplete quarter, its months, and whether it was left out, in Chinese", () => {
    expect(notes(CalendarNotes(incomplete, {locale: "zh-CN", document: newDocument()}))).toEqual([
      "2024年第1季度的余额数据不完整（仅含 2024-02、2024-03），未纳入报告季度，以免缺失月份按零计入日均资产。",
      "2024年第3季度的余额数据不完整（仅含 2024-07、2024-09），缺失月份按零计入日均资产，请谨慎解读。",
    ]);
  });

  it("and in English", () => {
    expect(notes(CalendarNotes(incomplete.slice(0, 1), {locale: "en", document: newDocument()}))).toEqual([
      "2024 Q1 is left out: the balances cover only 2024-02, 2024-03, and missing months would count as zero average daily AUM.",
    ]);
  });

  it("says nothing when every quarter is complete", () => {
    expect(notes(CalendarNotes([], {document: newDocument()}))).toEqual([]);
    expect(notes(CalendarNotes(undefined, {document: newDocument()}))).toEqual([]);
  });
});
