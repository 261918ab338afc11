import {describe, expect, it} from "vitest";
import {csvField, toCsv} from "../../src/components/csv.js";

describe("toCsv", () => {
  it("starts with the UTF-8 byte-order mark so Excel reads Chinese headers", () => {
    const csv = toCsv([{tier: "金卡", clients: 2400}], [{id: "tier", label: "层级"}, {id: "clients", label: "客户数"}]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe("\uFEFF层级,客户数\r\n金卡,2400\r\n");
  });

  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    const csv = toCsv([{name: 'say "hi", then\nleave', n: 1}], ["name", "n"], {bom: false});
    expect(csv).toBe('name,n\r\n"say ""hi"", then\nleave",1\r\n');
  });

  it("writes raw numbers, empty missing values and the marker for suppressed ones", () => {
    const rows = [
      {tier: "gold", clients: 2400, aum: 960000000.5, suppressed: false},
      {tier: "diamond", clients: null, aum: null, suppressed: true},
      {tier: "new", clients: 0, aum: undefined, suppressed: false},
    ];
    expect(toCsv(rows, ["tier", "clients", "aum"], {threshold: 10, bom: false})).toBe(
      "tier,clients,aum\r\ngold,2400,960000000.5\r\ndiamond,<10,<10\r\nnew,0,\r\n"
    );
  });

  it("defaults its columns to the first row's keys", () => {
    expect(toCsv([{a: 1, b: 2}], undefined, {bom: false})).toBe("a,b\r\n1,2\r\n");
    expect(toCsv([], undefined, {bom: false})).toBe("\r\n");
  });
});

describe("csvField", () => {
  it.each([
    [null, ""],
    [NaN, ""],
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['5"', '"5"""'],
    ["line\r\nbreak", '"line\r\nbreak"'],
  ])("writes %j as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});
