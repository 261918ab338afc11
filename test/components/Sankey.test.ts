import {describe, expect, it} from "vitest";
import {Sankey} from "../../src/components/Sankey.js";
import {tierColor} from "../../src/components/palette.js";
import {newDocument} from "./jsdom.js";
import {ladder, migrationGraph} from "./sankeyGraph.js";

describe("Sankey", () => {
  it("does not mutate its input", () => {
    const graph = migrationGraph();
    const before = structuredClone(graph);
    Sankey(graph, {ladder, document: newDocument()});
    expect(graph).toEqual(before);
    expect(Object.keys(graph.nodes[0])).toEqual(["id", "period", "state", "label"]);
  });

  it("draws one node per input node and one path per published flow", () => {
    const svg = Sankey(migrationGraph(), {ladder, document: newDocument()});
    expect(svg.querySelectorAll('[aria-label="nodes"] rect')).toHaveLength(10);
    expect(svg.querySelectorAll('[aria-label="links"] path')).toHaveLength(8); // the suppressed flow is left out
  });

  it("lays nodes out in period columns, highest tier on top", () => {
    const svg = Sankey(migrationGraph(), {ladder, width: 600, document: newDocument()});
    const rect = (id: string) => svg.querySelector(`rect[data-id="${id}"]`)!;
    const x = (id: string) => Number(rect(id).getAttribute("x"));
    const y = (id: string) => Number(rect(id).getAttribute("y"));
    expect(new Set(["2025Q3:diamond", "2025Q3:standard", "2025Q3:new"].map(x))).toEqual(new Set([4]));
    // The last column ends early: its labels sit right of it (left of it they ran into the previous column's).
    const lastX = x("2025Q4:diamond");
    expect(x("2025Q4:exited")).toBe(lastX);
    expect(lastX).toBeLessThan(600 - 4 - 14);
    expect(lastX).toBeGreaterThan(600 * 0.75 - 14);
    const lastLabels = [...svg.querySelectorAll('[aria-label="labels"] text')].filter((t) => Number(t.getAttribute("x")) > lastX);
    expect(lastLabels.length).toBeGreaterThan(0);
    for (const label of lastLabels) expect(label.getAttribute("text-anchor")).toBe("start");
    expect(y("2025Q4:diamond")).toBeLessThan(y("2025Q4:platinum"));
    expect(y("2025Q4:gold")).toBeLessThan(y("2025Q4:standard"));
    expect(y("2025Q4:standard")).toBeLessThan(y("2025Q4:exited"));
  });

  it("writes formatted counts into tooltips and period headings in the locale", () => {
    const svg = Sankey(migrationGraph(), {ladder, document: newDocument()});
    const titles = [...svg.querySelectorAll("title")].map((d) => d.textContent);
    expect(titles).toContain("普通客户 → 普通客户: 15,000户");
    expect(titles).toContain("普通客户 · 2025年第4季度: 15,800户");
    const headings = [...svg.querySelectorAll('[aria-label="periods"] text')].map((d) => d.textContent);
    expect(headings).toEqual(["2025年第3季度", "2025年第4季度"]);
    const en = Sankey(migrationGraph(), {ladder, locale: "en", document: newDocument()});
    expect([...en.querySelectorAll("title")].map((d) => d.textContent)).toContain("Standard → Gold: 300 clients");
  });

  it("colours nodes by tier, with new and exited in their own colours", () => {
    const svg = Sankey(migrationGraph(), {ladder, document: newDocument()});
    const fill = (id: string) => svg.querySelector(`rect[data-id="${id}"]`)!.getAttribute("fill");
    expect(fill("2025Q4:diamond")).toBe(tierColor("diamond", ladder));
    expect(fill("2025Q3:new")).toBe(tierColor("new", ladder));
    expect(fill("2025Q4:exited")).toBe(tierColor("exited", ladder));
    const custom = Sankey(migrationGraph(), {ladder, colors: {gold: "#ffd700"}, document: newDocument()});
    expect(custom.querySelector('rect[data-id="2025Q4:gold"]')!.getAttribute("fill")).toBe("#ffd700");
  });

  it("wraps itself in a figure when given a title", () => {
    const figure = Sankey(migrationGraph(), {ladder, title: "层级迁移", caption: "按客户数", document: newDocument()});
    expect(figure.localName).toBe("figure");
    expect(figure.querySelector("h2")!.textContent).toBe("层级迁移");
    expect(figure.querySelector("figcaption")!.textContent).toBe("按客户数");
  });
});
