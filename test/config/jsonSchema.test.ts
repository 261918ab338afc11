import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {configJsonSchemaPath, configJsonSchemaText} from "../../loaders/config/index.js";
import {defaultYaml} from "./helpers.js";

describe("data/config.schema.json", () => {
  it("is up to date with the zod schema (run `tsx loaders/cli/configSchema.ts` after changing src/config/schema.ts)", () => {
    expect(readFileSync(configJsonSchemaPath, "utf8")).toBe(configJsonSchemaText());
  });

  it("is the schema the default configuration points editors at", () => {
    expect(defaultYaml.split("\n")[0]).toBe("# yaml-language-server: $schema=./config.schema.json");
    const schema = JSON.parse(configJsonSchemaText());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(expect.arrayContaining(["locale", "classifications", "privacy"]));
    expect(Object.keys(schema.definitions)).toContain("condition");
  });
});
