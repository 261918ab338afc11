// The default configuration (data/config.default.yaml), as the benchmarks use it.

import {loadConfig} from "../../loaders/config/load.js";
import {defaultConfigPath} from "../../loaders/config/resolve.js";
import {featureNames} from "../../src/config/features.js";
import type {Condition} from "../../src/config/schema.js";

export const defaults = loadConfig({path: defaultConfigPath}).config;

/** Whether a condition reads built-in features only and ranks no one ({feature, top} needs a period's clients). */
const builtInOnly = (c: Condition | undefined): boolean => {
  if (c === undefined || "classification" in c) return true;
  if ("all" in c) return c.all.every(builtInOnly);
  if ("any" in c) return c.any.every(builtInOnly);
  if ("not" in c) return builtInOnly(c.not);
  return !("top" in c) && Object.hasOwn(featureNames, c.feature);
};

// The synthetic clients carry the built-in features only: the classifications on
// the bank's own features (contribution, deposit behaviour) are left out, so the
// benchmarks measure the same rules from run to run.
export const retailClassifications = defaults.classifications.filter((c) => c.appliesTo === "retail" && c.tiers.every((t) => builtInOnly(t.when)));
