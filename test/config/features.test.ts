import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {featureNames, featuresOf} from "../../src/config/features.js";

describe("the feature catalogue", () => {
  it("types a feature from its unit: flags are yes/no, codes text, the rest numbers", () => {
    for (const f of Object.values(featureNames)) expect(f.type).toBe(f.unit === "flag" ? "boolean" : f.unit === "code" ? "text" : "number");
    expect(featuresOf("monthly")).toEqual(["aum_month"]);
  });

  it("is the list docs/configuration.md prints, row for row", () => {
    const doc = readFileSync(new URL("../../docs/configuration.md", import.meta.url), "utf8");
    const section = doc.slice(doc.indexOf("### Features"), doc.indexOf("## Fields and defaults"));
    const rows = [...section.matchAll(/^\| `([a-z_]+)` \| (number|text|yes\/no) \| ([a-z, ]+)/gm)].map(([, name, type, records]) => [name, type, records.trim()]);
    const noun = {number: "number", text: "text", boolean: "yes/no"};
    expect(rows).toEqual(Object.entries(featureNames).map(([name, f]) => [name, noun[f.type], f.of.join(", ")]));
  });
});
