export {loadConfig, parseConfig, type LoadedConfig} from "./load.js";
export {ConfigError, formatProblem, type ConfigProblem} from "./errors.js";
export {configHash} from "./hash.js";
export {resolveConfigPath, configArgument, defaultConfigPath, type ConfigSource} from "./resolve.js";
export {configJsonSchemaText, configJsonSchemaPath} from "./jsonSchema.js";
