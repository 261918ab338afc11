import {describe, expect, it} from "vitest";
import {Figure} from "../../src/components/Figure.js";
import {TierBars} from "../../src/components/TierBars.js";
import {serializeSvg} from "../../src/components/downloads.js";
import {newDocument} from "./jsdom.js";

const rows = [
  {tier: "gold", label: "金卡", count: 2400, aum: 1},
  {tier: "standard", label: "普通客户", count: 17000, aum: 1},
];

describe("Figure", () => {
  it("puts title, chart, caption, provenance and download buttons together", () => {
    const document = newDocument();
    const chart = TierBars(rows, {document});
    const figure = Figure(chart, {
      title: "客户分层",
      caption: "按季日均金融资产分层",
      asOf: "2025Q4",
      configHash: "3f9a2c1b7d0e",
      threshold: 10,
      document,
    });
    expect(figure.localName).toBe("figure");
    expect(figure.querySelector("h2")!.textContent).toBe("客户分层");
    expect(figure.querySelector("svg")).toBe(chart);
    expect(figure.querySelector("figcaption")!.textContent).toBe("按季日均金融资产分层");
    expect(figure.querySelector(".figure-meta")!.textContent).toBe(
      "数据截至 2025年第4季度 · 配置 3f9a2c1b · 为保护客户隐私，少于10户的单元格不予披露"
    );
    expect([...figure.querySelectorAll("button")].map((b) => b.textContent)).toEqual(["下载 SVG", "下载 PNG"]);
  });

  it("writes its note in English and can leave out the downloads", () => {
    const document = newDocument();
    const figure = Figure(TierBars(rows, {document}), {asOf: "2025-12-31", configHash: "abc123", locale: "en", download: false, document});
    expect(figure.querySelector(".figure-meta")!.textContent).toBe("Data as of 2025-12-31 · Config abc123");
    expect(figure.querySelector("button")).toBeNull();
  });
});

describe("serializeSvg", () => {
  it("makes a standalone SVG with the CJK font stack inline", () => {
    const svg = TierBars(rows, {document: newDocument()}) as SVGSVGElement;
    const text = serializeSvg(svg);
    expect(text.startsWith("<svg")).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain("PingFang SC");
    expect(svg.getAttribute("font-family")).toBe("system-ui, sans-serif"); // the page's chart is untouched
  });
});
