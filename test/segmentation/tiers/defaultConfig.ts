// The shipped defaults, validated by the schema, for tests across the segmentation core.
import {readFileSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {parse} from "yaml";
import {configSchema, type Config} from "../../../src/config/schema.js";

export function defaultConfig(): Config {
  const path = fileURLToPath(new URL("../../../data/config.default.yaml", import.meta.url));
  return configSchema.parse(parse(readFileSync(path, "utf8")));
}
