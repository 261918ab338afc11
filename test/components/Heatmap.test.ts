import {describe, expect, it} from "vitest";
import {Heatmap, type HeatmapCell} from "../../src/components/Heatmap.js";
import {newDocument, prettyMarkup} from "./jsdom.js";

const tiers = ["diamond", "platinum", "gold"];
const tierLabels = {diamond: {zh: "钻石卡", en: "Diamond"}, platinum: {zh: "白金卡", en: "Platinum"}, gold: {zh: "金卡", en: "Gold"}};
const cells: HeatmapCell[] = [
  {row: "diamond", col: "diamond", value: 95},
  {row: "diamond", col: "platinum", value: 12},
  {row: "diamond", col: "gold", value: null, suppressed: true},
  {row: "platinum", col: "diamond", value: 40},
  {row: "platinum", col: "platinum", value: 300},
  {row: "platinum", col: "gold", value: 60},
  {row: "gold", col: "diamond", value: 0},
  {row: "gold", col: "platinum", value: 100},
  {row: "gold", col: "gold", value: 1900},
];

function cellTexts(el: Element): string[] {
  return [...el.querySelectorAll('[aria-label="text"] text')].map((t) =>
    t.children.length ? [...t.children].map((s) => s.textContent).join(" | ") : t.textContent!
  );
}

describe("Heatmap", () => {
  it("writes row percentages and counts into the cells", () => {
    const svg = Heatmap(cells, {rowOrder: tiers, colOrder: tiers, rowLabels: tierLabels, threshold: 10, document: newDocument()});
    expect(cellTexts(svg)).toEqual([
      "88.8% | 95", // 95 of the 107 published diamond clients
      "11.2% | 12",
      "<10",
      "10.0% | 40",
      "75.0% | 300",
      "15.0% | 60",
      "0.0% | 0",
      "5.0% | 100",
      "95.0% | 1,900",
    ]);
  });

  it("prefers the loader's rowShare, computed on unsuppressed totals", () => {
    const svg = Heatmap([{row: "a", col: "b", value: 12, rowShare: 0.1}], {document: newDocument()});
    expect(cellTexts(svg)).toEqual(["10.0% | 12"]);
  });

  it("writes plain counts with percent none, money with format money", () => {
    const counts = Heatmap([{row: "a", col: "b", value: 12345}], {percent: "none", document: newDocument()});
    expect(cellTexts(counts)).toEqual(["12,345"]);
    const money = Heatmap([{row: "a", col: "b", value: 123456789}], {percent: "none", format: "money", locale: "en", document: newDocument()});
    expect(cellTexts(money)).toEqual(["123.46M"]);
  });

  it("hatches suppressed cells with a grey pattern and says why in the tooltip", () => {
    const svg = Heatmap(cells, {rowOrder: tiers, colOrder: tiers, rowLabels: tierLabels, threshold: 10, document: newDocument()});
    expect(svg.querySelector("pattern#seg-suppressed-hatch")).not.toBeNull();
    const hatched = svg.querySelectorAll('g[fill="url(#seg-suppressed-hatch)"] rect');
    expect(hatched).toHaveLength(1);
    expect(hatched[0].querySelector("title")!.textContent).toBe("钻石卡 → 金卡: <10");
  });

  it("labels rows and columns in the locale, in the given order", () => {
    const svg = Heatmap(cells, {rowOrder: tiers, colOrder: tiers, rowLabels: tierLabels, locale: "en", document: newDocument()});
    const rows = [...svg.querySelectorAll('[aria-label="y-axis tick label"] text')].map((d) => d.textContent);
    expect(rows).toEqual(["Diamond", "Platinum", "Gold"]);
    expect(svg.textContent).toContain("From tier");
  });

  it("matches its golden SVG", async () => {
    const svg = Heatmap(cells, {
      rowOrder: tiers,
      colOrder: tiers,
      rowLabels: tierLabels,
      threshold: 10,
      diagonal: true,
      width: 480,
      document: newDocument(),
    });
    await expect(prettyMarkup(svg)).toMatchFileSnapshot("./__snapshots__/Heatmap.svg");
  });
});
