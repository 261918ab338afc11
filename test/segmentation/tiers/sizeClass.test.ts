import {describe, expect, it} from "vitest";
import {sizeClass, withSizeClass} from "../../../src/segmentation/tiers/index.js";
import {defaultConfig} from "./defaultConfig.js";

const cfg = defaultConfig().enterpriseSize;
const size = (record: Record<string, number | string | null>) => sizeClass(record, cfg).sizeClass;

describe("sizeClass by the national standard", () => {
  it("needs every listed bound of a class (industry: X and Y)", () => {
    expect(size({industry: "industry", employees: 1000, revenue: 40000})).toBe("large");
    expect(size({industry: "industry", employees: 1000, revenue: 39999})).toBe("medium");
    expect(size({industry: "industry", employees: 999, revenue: 400000})).toBe("medium");
    expect(size({industry: "industry", employees: 300, revenue: 2000})).toBe("medium");
    expect(size({industry: "industry", employees: 20, revenue: 300})).toBe("small");
    expect(size({industry: "industry", employees: 19, revenue: 300000})).toBe("micro");
  });

  it("sizes retail by employees and revenue", () => {
    expect(size({industry: "retail", employees: 5, revenue: 100000})).toBe("micro");
    expect(size({industry: "retail", employees: 300, revenue: 20000})).toBe("large");
    expect(size({industry: "retail", employees: 50, revenue: 499})).toBe("small");
  });

  it("sizes industries listed by revenue and assets only", () => {
    expect(size({industry: "construction", revenue: 80000, total_assets: 80000})).toBe("large");
    expect(size({industry: "construction", revenue: 80000, total_assets: 79999})).toBe("medium");
    expect(size({industry: "agriculture", revenue: 50})).toBe("small");
    expect(size({industry: "agriculture", revenue: 49.9})).toBe("micro");
  });

  it("cannot meet a listed bound with a missing value", () => {
    expect(size({industry: "industry", employees: 5000, revenue: null})).toBe("micro");
    expect(size({industry: "industry", employees: 5000})).toBe("micro");
    // revenue is not listed for `other`, so its absence does not matter
    expect(size({industry: "other", employees: 300})).toBe("large");
  });

  it("uses the fallback industry for an unknown one", () => {
    const result = sizeClass({industry: "space_mining", employees: 150, revenue: 10}, cfg);
    expect(result).toEqual({
      sizeClass: "medium",
      industry: "other",
      explanation: [{metric: "employees", feature: "employees", bounds: [300, 100, 10], value: 150, reaches: "medium"}],
    });
  });

  it("adds size_class to a new record without touching the input", () => {
    const record = Object.freeze({industry: "retail", employees: 5});
    expect(withSizeClass(record, cfg)).toEqual({industry: "retail", employees: 5, size_class: "micro"});
    expect(record).not.toHaveProperty("size_class");
  });
});
