import {describe, expect, it} from "vitest";
import {reportingCalendar} from "../../../src/segmentation/periods/index.js";

const monthsOf = (from: string, to: string) => {
  const out: string[] = [];
  for (let [y, m] = from.split("-").map(Number); `${y}-${String(m).padStart(2, "0")}` <= to; m === 12 ? ((m = 1), ++y) : ++m) out.push(`${y}-${String(m).padStart(2, "0")}`);
  return out;
};

describe("reportingCalendar", () => {
  it("keeps every quarter the balances cover in full", () => {
    const months = monthsOf("2024-01", "2025-12");
    expect(reportingCalendar({months, balanceMonths: months})).toEqual({quarters: ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3", "2025Q4"], incomplete: []});
  });

  it("leaves out a last quarter the extract covers for one month only, and says so", () => {
    const months = monthsOf("2024-01", "2026-01");
    const calendar = reportingCalendar({months, balanceMonths: months});
    expect(calendar.quarters.at(-1)).toBe("2025Q4");
    expect(calendar.incomplete).toEqual([{quarter: "2026Q1", balanceMonths: ["2026-01"], kept: false}]);
  });

  it("leaves out a first quarter that starts mid-quarter", () => {
    const months = monthsOf("2024-02", "2024-12");
    const calendar = reportingCalendar({months, balanceMonths: months});
    expect(calendar.quarters).toEqual(["2024Q2", "2024Q3", "2024Q4"]);
    expect(calendar.incomplete).toEqual([{quarter: "2024Q1", balanceMonths: ["2024-02", "2024-03"], kept: false}]);
  });

  it("keeps a gap inside the range, reported, so that migration stays quarter to quarter", () => {
    const months = monthsOf("2024-01", "2024-12").filter((m) => m !== "2024-05");
    const calendar = reportingCalendar({months, balanceMonths: months});
    expect(calendar.quarters).toEqual(["2024Q1", "2024Q2", "2024Q3", "2024Q4"]);
    expect(calendar.incomplete).toEqual([{quarter: "2024Q2", balanceMonths: ["2024-04", "2024-06"], kept: true}]);
  });

  it("counts transaction months for the range, but only balance months for completeness", () => {
    const calendar = reportingCalendar({months: [...monthsOf("2024-01", "2024-06"), "2024-07"], balanceMonths: monthsOf("2024-01", "2024-06")});
    expect(calendar.quarters).toEqual(["2024Q1", "2024Q2"]);
    expect(calendar.incomplete).toEqual([{quarter: "2024Q3", balanceMonths: [], kept: false}]);
  });

  it("without balances, every quarter with data is reported (a retailer's invoices)", () => {
    expect(reportingCalendar({months: monthsOf("2009-12", "2010-12"), balanceMonths: []}).quarters).toEqual(["2009Q4", "2010Q1", "2010Q2", "2010Q3", "2010Q4"]);
  });

  it("with not one full quarter, reports what there is rather than nothing", () => {
    expect(reportingCalendar({months: ["2020-11"], balanceMonths: ["2020-11"]})).toEqual({quarters: ["2020Q4"], incomplete: [{quarter: "2020Q4", balanceMonths: ["2020-11"], kept: true}]});
  });
});
