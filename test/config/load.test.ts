import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {ConfigError, configArgument, configHash, defaultConfigPath, loadConfig} from "../../loaders/config/index.js";
import {defaultYaml, edit} from "./helpers.js";

const cwd = resolve(import.meta.dirname, "../..");

function tempConfig(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "seg-config-"));
  const file = join(dir, "bank.yaml");
  writeFileSync(file, text);
  return file;
}

describe("loadConfig", () => {
  it("loads data/config.default.yaml with the DOMAIN.md defaults", () => {
    const {config, path, dir, hash, source} = loadConfig({env: {}, cwd});
    expect(path).toBe(defaultConfigPath);
    expect(dir).toBe(resolve(cwd, "data"));
    expect(source).toBe("default");
    expect(hash).toMatch(/^[0-9a-f]{12}$/);
    expect(hash).toBe(configHash(config));
    expect(config.locale).toBe("zh-CN");
    expect(config.privacy.suppressionThreshold).toBe(10);
    const retail = config.classifications.find((c) => c.id === "retail_tier")!;
    expect(retail.tiers.map((t) => t.id)).toEqual(["diamond", "platinum", "gold", "standard"]);
    expect(retail.tiers.map((t) => (t.when && "value" in t.when ? t.when.value : undefined))).toEqual([5_000_000, 1_000_000, 200_000, undefined]);
    expect(config.kmeans).toMatchObject({k: 5, seed: 42});
    expect(config.migration.classification).toBe("retail_tier");
  });

  it("takes the file from SEG_CONFIG when --config is not given, and --config over SEG_CONFIG", () => {
    const fromEnv = tempConfig(edit("suppressionThreshold: 10", "suppressionThreshold: 20"));
    const loaded = loadConfig({env: {SEG_CONFIG: fromEnv}, cwd});
    expect(loaded).toMatchObject({path: fromEnv, source: "SEG_CONFIG"});
    expect(loaded.config.privacy.suppressionThreshold).toBe(20);
    const fromArgument = loadConfig({path: "data/config.default.yaml", env: {SEG_CONFIG: fromEnv}, cwd});
    expect(fromArgument).toMatchObject({path: defaultConfigPath, source: "--config"});
    expect(fromArgument.config.privacy.suppressionThreshold).toBe(10);
  });

  it("an empty SEG_CONFIG counts as unset", () => {
    expect(loadConfig({env: {SEG_CONFIG: ""}, cwd}).source).toBe("default");
  });

  it("SEG_CONFIG pointing to a missing file is a ConfigError naming the file and the variable", () => {
    const missing = join(tmpdir(), "no-such-dir-seg", "bank.yaml");
    let error: unknown;
    try {
      loadConfig({env: {SEG_CONFIG: missing}, cwd});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(`invalid configuration: ${missing}\n  ${missing} file not found (named by SEG_CONFIG=${missing})`);
  });

  it("errors name the file relative to the working directory", () => {
    const file = tempConfig(edit("kMin: 2, kMax: 10", "kMin: 12, kMax: 10"));
    try {
      loadConfig({path: "bank.yaml", cwd: resolve(file, ".."), env: {}});
      expect.unreachable();
    } catch (error) {
      const line = defaultYaml.split("\n").findIndex((l) => l.includes("kMin: 2")) + 1;
      expect((error as ConfigError).message).toBe(`invalid configuration: bank.yaml\n  bank.yaml:${line}:23 kmeans.diagnostics.kMin: got 12; expected at most kmeans.diagnostics.kMax (10)`);
    }
  });

  it("configArgument reads --config <file> and --config=<file>", () => {
    expect(configArgument(["build", "--config", "bank.yaml"])).toBe("bank.yaml");
    expect(configArgument(["--config=bank.yaml"])).toBe("bank.yaml");
    expect(configArgument(["build"])).toBeUndefined();
  });
});
