export {loadExtract, extractTable, type ExtractProgress, type LoadExtractOptions} from "./loadExtract.js";
export {writeQuarantine, quarantineTable} from "./quarantine.js";
export {ExtractError} from "./errors.js";
export {type ManifestEntry} from "./manifest.js";
export {resolveSource, type ResolvedSource} from "./source.js";
