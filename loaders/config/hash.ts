// A short digest of a configuration, for cache keys: outputs are keyed by it, so
// a changed parameter never shows a stale result.

import {createHash} from "node:crypto";
import {canonicalJson} from "../../src/config/canonical.js";
import type {Config} from "../../src/config/schema.js";

export function configHash(config: Config): string {
  // $schema only points editors at the JSON Schema; it changes no output.
  const {$schema, ...settings} = config;
  return createHash("sha256").update(canonicalJson(settings)).digest("hex").slice(0, 12);
}
