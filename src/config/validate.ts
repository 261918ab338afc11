// Validate parsed input: the schema first, then the checks it cannot express.
// Both always run, so one pass reports every problem.

import {checkConfig, type CheckOptions} from "./checks/index.js";
import type {ConfigIssue} from "./issue.js";
import {formatPath} from "./path.js";
import {configSchema, type Config} from "./schema.js";
import {fromZodIssues} from "./zodIssues.js";

export type Validation = {config: Config; issues: []} | {config: undefined; issues: ConfigIssue[]};

export function validateConfig(input: unknown, options: CheckOptions = {}): Validation {
  const parsed = configSchema.safeParse(input);
  const semantic = checkConfig(input, options);
  // The schema's own refinements (tier lists) are repeated by the checks, which
  // also run when zod skipped them; keep one report per place.
  const checked = new Set(semantic.map((issue) => formatPath(issue.path)));
  const schemaIssues = parsed.success ? [] : parsed.error.issues.filter((issue) => !(issue.code === "custom" && checked.has(formatPath(issue.path as (string | number)[]))));
  const issues = withoutMissingTypos([...fromZodIssues(schemaIssues, {schema: configSchema, input}), ...semantic]);
  return parsed.success && issues.length === 0 ? {config: parsed.data, issues: []} : {config: undefined, issues};
}

// "suppresionThreshold: unknown key; did you mean suppressionThreshold?" already
// explains why suppressionThreshold is missing; one line is enough.
function withoutMissingTypos(issues: ConfigIssue[]): ConfigIssue[] {
  const meant = new Set(issues.filter((i) => i.suggestion !== undefined).map((i) => formatPath([...i.path.slice(0, -1), i.suggestion!])));
  return issues.filter((i) => !(i.message.startsWith("missing;") && meant.has(formatPath(i.path))));
}
