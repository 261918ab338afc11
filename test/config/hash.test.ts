import {describe, expect, it} from "vitest";
import {configHash, parseConfig} from "../../loaders/config/index.js";
import {defaultYaml, edit} from "./helpers.js";

const base = parseConfig(defaultYaml);

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}

describe("configHash", () => {
  it("is 12 hex characters and the same on every call", () => {
    expect(configHash(base)).toMatch(/^[0-9a-f]{12}$/);
    expect(configHash(base)).toBe(configHash(parseConfig(defaultYaml)));
  });

  it("ignores key order", () => {
    expect(configHash(reverseKeys(base) as typeof base)).toBe(configHash(base));
  });

  it("ignores YAML formatting: comments, flow or block style, quoting, number spelling", () => {
    let yaml = defaultYaml.replace(/#.*$/gm, "");
    yaml = edit("kMin: 2, kMax: 10", 'kMax: 10, kMin: 2', yaml);
    yaml = edit("  seed: 42\n", "  seed: 4.2e1\n", yaml);
    yaml = edit("marginBps: {deposits: 150, wealth: 80}", "marginBps:\n    wealth: 80\n    deposits: 150", yaml);
    yaml = edit("keyEnv: SEG_PSEUDONYM_KEY", 'keyEnv: "SEG_PSEUDONYM_KEY"', yaml);
    expect(configHash(parseConfig(yaml))).toBe(configHash(base));
  });

  it("ignores the $schema hint for editors", () => {
    expect(configHash({...base, $schema: "./config.schema.json"})).toBe(configHash(base));
  });

  it("changes with any parameter, including the order of tiers", () => {
    expect(configHash(parseConfig(edit("suppressionThreshold: 10", "suppressionThreshold: 11")))).not.toBe(configHash(base));
    const [first, ...rest] = base.rfm.segments;
    expect(configHash({...base, rfm: {...base.rfm, segments: [...rest.slice(0, -1), first, rest.at(-1)!]}})).not.toBe(configHash(base));
  });
});
