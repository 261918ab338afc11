import {describe, expect, it} from "vitest";
import {categoricalColors, categoryColor, stateColors, tierColor, tierColors, tierRamp, tierScale} from "../../src/components/palette.js";

const ladder = ["diamond", "platinum", "gold", "standard"]; // configuration order, highest first

describe("tierColor", () => {
  it("gives the highest tier the darkest colour and the lowest the lightest", () => {
    expect(tierColor("diamond", ladder)).toBe(tierRamp[tierRamp.length - 1]);
    expect(tierColor("standard", ladder)).toBe(tierRamp[0]);
  });

  it("gives every tier of a ladder its own colour", () => {
    for (const n of [2, 3, 4, 5, 6, 7]) expect(new Set(tierColors(n)).size).toBe(n);
  });

  it("keeps new and exited apart from the ramp and from each other", () => {
    const ramp = new Set<string>(tierRamp);
    expect(ramp.has(tierColor("new", ladder))).toBe(false);
    expect(ramp.has(tierColor("exited", ladder))).toBe(false);
    expect(tierColor("new", ladder)).not.toBe(tierColor("exited", ladder));
    expect(tierColor("churned", ladder)).toBe(stateColors.churned);
  });

  it("gives an id off the ladder the missing grey", () => {
    expect(tierColor("unknown", ladder)).toBe(stateColors.missing);
  });
});

describe("tierScale", () => {
  it("is an ordinal Plot scale over the ladder plus new and exited", () => {
    const scale = tierScale(ladder);
    expect(scale.domain).toEqual([...ladder, "new", "exited"]);
    expect(scale.range[0]).toBe(tierColor("diamond", ladder));
  });
});

describe("categoricalColors", () => {
  it("uses Okabe–Ito up to 8 categories and Tol muted up to 10, all distinct", () => {
    expect(categoricalColors(5)[0]).toBe("#E69F00");
    expect(new Set(categoricalColors(8)).size).toBe(8);
    expect(new Set(categoricalColors(10)).size).toBe(10);
    expect(categoricalColors(11)).toHaveLength(11);
    expect(categoryColor("b", ["a", "b"])).toBe(categoricalColors(2)[1]);
  });
});
