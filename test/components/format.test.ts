import {describe, expect, it} from "vitest";
import {
  compactNumber,
  formatCount,
  formatMoney,
  formatPercent,
  formatQuarter,
  formatSignedChange,
  formatter,
  suppressionMarker,
} from "../../src/components/format.js";

const minus = "\u2212";

describe("formatMoney", () => {
  it.each([
    [123456789, "1.23亿"],
    [56000, "5.6万"],
    [800, "800"],
    [0, "0"],
    [10000, "1万"],
    [12345678, "1,234.57万"],
    [99_999_999, "1亿"], // 9,999.9999万 rounds up into the next unit
    [99_999, "10万"],
    [1.5e12, "1.5万亿"],
    [-56000, `${minus}5.6万`],
    [800.456, "800.46"],
  ])("writes %d as %s in zh-CN", (value, expected) => {
    expect(formatMoney(value)).toBe(expected);
  });

  it.each([
    [123456789, "123.46M"],
    [56000, "56K"],
    [800, "800"],
    [2.5e9, "2.5B"],
    [999_999, "1M"],
    [-1234, `${minus}1.23K`],
  ])("writes %d as %s in en", (value, expected) => {
    expect(formatMoney(value, {locale: "en"})).toBe(expected);
  });

  it("puts the currency after the number in zh-CN and before it in en", () => {
    expect(formatMoney(123456789, {unit: true})).toBe("1.23亿元");
    expect(formatMoney(123456789, {locale: "en", unit: true})).toBe("CNY 123.46M");
    expect(formatMoney(56000, {locale: "en", unit: "RMB"})).toBe("RMB 56K");
  });

  it("writes the full amount when compact is false", () => {
    expect(formatMoney(123456789.5, {compact: false})).toBe("123,456,789.5");
  });

  it.each([null, undefined, NaN])("writes %s as an em dash", (value) => {
    expect(formatMoney(value)).toBe("—");
    expect(formatCount(value)).toBe("—");
    expect(formatPercent(value)).toBe("—");
    expect(formatSignedChange(value)).toBe("—");
  });
});

describe("formatCount", () => {
  it.each([
    ["zh-CN", 12345, {}, "12,345"],
    ["en", 12345, {}, "12,345"],
    ["zh-CN", 12345, {unit: "户"}, "12,345户"],
    ["en", 12345, {unit: "clients"}, "12,345 clients"],
    ["zh-CN", 1234567, {compact: true}, "123.5万"],
    ["en", 1234567, {compact: true}, "1.2M"],
    ["zh-CN", -56, {}, `${minus}56`],
  ] as const)("in %s writes %d with %o as %s", (locale, value, options, expected) => {
    expect(formatCount(value, {locale, ...options})).toBe(expected);
  });
});

describe("formatPercent", () => {
  it.each([
    [0.1234, {}, "12.3%"],
    [0.5, {}, "50.0%"],
    [1, {digits: 0}, "100%"],
    [0.00049, {digits: 2}, "0.05%"],
    [-0.021, {}, `${minus}2.1%`],
    [-0.0001, {}, "0.0%"], // rounds to zero: no sign
  ])("writes %d with %o as %s", (value, options, expected) => {
    expect(formatPercent(value, options)).toBe(expected);
    expect(formatPercent(value, {...options, locale: "en"})).toBe(expected);
  });
});

describe("formatSignedChange", () => {
  it.each([
    [1234, {}, "+1,234"],
    [-56, {}, `${minus}56`],
    [0, {}, "0"],
    [0.3, {}, "0"],
    [56000, {format: "money"}, "+5.6万"],
    [-123456789, {format: "money", unit: true}, `${minus}1.23亿元`],
    [0.012, {format: "percent"}, "+1.2%"],
    [0.012, {format: "points"}, "+1.2个百分点"],
    [-0.012, {format: "points"}, `${minus}1.2个百分点`],
    [12, {unit: "户"}, "+12户"],
  ] as const)("writes %d with %o as %s in zh-CN", (value, options, expected) => {
    expect(formatSignedChange(value, options)).toBe(expected);
  });

  it.each([
    [1234, {}, "+1,234"],
    [-56000, {format: "money"}, `${minus}56K`],
    [56000, {format: "money", unit: true}, "CNY +56K"],
    [0.012, {format: "points"}, "+1.2 pp"],
    [12, {unit: "clients"}, "+12 clients"],
  ] as const)("writes %d with %o as %s in en", (value, options, expected) => {
    expect(formatSignedChange(value, {locale: "en", ...options})).toBe(expected);
  });

  it("uses a real minus sign, not a hyphen", () => {
    expect(formatSignedChange(-1)).not.toContain("-");
  });
});

describe("formatQuarter", () => {
  it.each([
    ["2025Q4", "zh-CN", "2025年第4季度"],
    ["2025Q4", "en", "2025 Q4"],
    ["2024Q1", "zh-CN", "2024年第1季度"],
    ["2024-03", "zh-CN", "2024-03"],
  ] as const)("writes %s in %s as %s", (value, locale, expected) => {
    expect(formatQuarter(value, locale)).toBe(expected);
    expect(formatQuarter(value, {locale})).toBe(expected);
  });

  it("defaults to zh-CN and writes a missing quarter as an em dash", () => {
    expect(formatQuarter("2025Q2")).toBe("2025年第2季度");
    expect(formatQuarter(null)).toBe("—");
  });
});

describe("suppressed values", () => {
  it("print as <threshold in every format", () => {
    const options = {suppressed: true, threshold: 10};
    expect(formatCount(null, options)).toBe("<10");
    expect(formatMoney(null, options)).toBe("<10");
    expect(formatPercent(null, options)).toBe("<10");
    expect(formatSignedChange(null, options)).toBe("<10");
  });

  it("print a word when the threshold is unknown", () => {
    expect(suppressionMarker(undefined, "zh-CN")).toBe("已隐藏");
    expect(suppressionMarker(undefined, "en")).toBe("suppressed");
  });
});

describe("formatter", () => {
  it("returns a formatter by name and passes functions through", () => {
    expect(formatter("money", {locale: "en"})(56000)).toBe("56K");
    expect(formatter("quarter", {locale: "en"})("2025Q4")).toBe("2025 Q4");
    expect(formatter("text")(null)).toBe("—");
    const f = (v: number) => `#${v}`;
    expect(formatter(f)).toBe(f);
  });

  it("rejects an unknown name", () => {
    expect(() => formatter("bogus" as never)).toThrow("invalid format: bogus");
  });
});

describe("compactNumber", () => {
  it("defaults to zh-CN with two fraction digits", () => {
    expect(compactNumber(123456789)).toBe("1.23亿");
    expect(compactNumber(123456789, "zh-CN", 0)).toBe("1亿");
  });
});
