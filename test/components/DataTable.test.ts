import {describe, expect, it} from "vitest";
import {DataTable} from "../../src/components/DataTable.js";
import {newDocument} from "./jsdom.js";

const rows = [
  {quarter: "2025Q4", tier: "金卡", clients: 2400, aum: 960_000_000, share: 0.123, suppressed: false},
  {quarter: "2025Q4", tier: "钻石卡", clients: null, aum: null, share: null, suppressed: true},
];
const columns = [
  {id: "quarter", label: "季度", format: "quarter" as const},
  {id: "tier", label: "层级"},
  {id: "clients", label: "客户数", format: "count" as const},
  {id: "aum", label: "金融资产", format: "money" as const},
  {id: "share", label: "占比", format: "percent" as const},
];

describe("DataTable", () => {
  it("formats cells for reading and marks suppressed ones", () => {
    const el = DataTable(rows, {columns, threshold: 10, document: newDocument()});
    const header = [...el.querySelectorAll("th")].map((d) => d.textContent);
    expect(header).toEqual(["季度", "层级", "客户数", "金融资产", "占比"]);
    const body = [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((d) => d.textContent));
    expect(body).toEqual([
      ["2025年第4季度", "金卡", "2,400", "9.6亿", "12.3%"],
      ["2025年第4季度", "钻石卡", "<10", "<10", "<10"],
    ]);
    expect(el.querySelectorAll("td.suppressed")).toHaveLength(3);
    expect(el.querySelector("td.align-right")).not.toBeNull();
  });

  it("adds a download CSV button when given a file name", () => {
    const el = DataTable(rows, {columns, download: "tiers", locale: "en", document: newDocument()});
    expect(el.querySelector("button")!.textContent).toBe("Download CSV");
    expect(DataTable(rows, {columns, document: newDocument()}).querySelector("button")).toBeNull();
  });

  it("takes its columns from the first row when none are given", () => {
    const el = DataTable([{a: 1, b: "x"}], {document: newDocument()});
    expect([...el.querySelectorAll("th")].map((d) => d.textContent)).toEqual(["a", "b"]);
  });
});
