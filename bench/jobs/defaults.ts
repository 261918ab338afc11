// The default configuration (data/config.default.yaml), as the benchmarks use it.

import {loadConfig} from "../../loaders/config/load.js";
import {defaultConfigPath} from "../../loaders/config/resolve.js";

export const defaults = loadConfig({path: defaultConfigPath}).config;
export const retailClassifications = defaults.classifications.filter((c) => c.appliesTo === "retail");
