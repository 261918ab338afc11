import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {parse} from "yaml";
import {demoDefaults} from "../../loaders/demo/generate.js";
import {retailTierLadder, valueClientLine} from "../../loaders/demo/thresholds.js";
import {industrySizeBounds} from "../../loaders/demo/industries.js";
import {demoWindow} from "../../loaders/demo/window.js";
import {depositColumns} from "../../loaders/demo/deposits.js";
import {extractContract} from "../../loaders/contract/tables.js";

const config = parse(readFileSync(new URL("../../data/config.default.yaml", import.meta.url), "utf8"));

describe("demo bank defaults", () => {
  it("demoDefaults equal extract.demo in data/config.default.yaml", () => {
    expect({...demoDefaults}).toEqual(config.extract.demo);
  });

  it("the planted retail ladder and value line are the configuration's defaults", () => {
    const tiers = config.classifications.find((c: any) => c.id === "retail_tier").tiers;
    expect(tiers.map((t: any) => [t.id, t.when?.value ?? 0])).toEqual(retailTierLadder.map((t) => [t.id, t.min]));
    const value = config.classifications.find((c: any) => c.id === "value_client").tiers[0];
    expect(value.when.value).toBe(valueClientLine);
  });

  it("writes deposits.csv with the columns the configuration declares for the bank's own deposits table", () => {
    const table = extractContract(config).find((t) => t.name === "deposits")!;
    expect(table.columns.map((c) => c.name)).toEqual([...depositColumns]);
    expect(config.extract.tables.deposits).toEqual({path: "deposits.csv"});
  });

  it("the planted enterprise-size table is the configuration's default", () => {
    const fromConfig = Object.fromEntries(
      Object.entries(config.enterpriseSize.industries).map(([id, {label, ...bounds}]: [string, any]) => [id, bounds])
    );
    expect(fromConfig).toEqual(industrySizeBounds);
  });

  it("demoWindow puts the campaigns in 2025Q1, or mid-window when 2025Q1 is outside it", () => {
    expect(demoWindow("2024Q1", 8).campaignQuarter).toBe(4);
    expect(demoWindow("2025Q1", 4).campaignQuarter).toBe(2);
    expect(demoWindow("2024Q4", 2).campaignQuarter).toBe(1);
    expect(() => demoWindow("2024Q1", 1)).toThrow("invalid quarters: 1");
  });
});
