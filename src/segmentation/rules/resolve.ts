// The type check of the rule language: configuration conditions in, typed
// rules out, or every problem with its path. It runs once, at the boundary:
// when the configuration loads (src/config/checks/rules.ts reports the
// problems with file, line and column) and when a stage compiles the rules
// (compileRules, which throws on the first). The back-ends then trust it.
//
// What it guarantees: every feature exists for the client type the
// classification applies to and has the type its operator wants; every
// threshold has the feature's type (a number is never written as "5000000",
// text never as 101) and is not empty; every {classification, in} names an
// earlier classification of the same client type and tiers it has.

import {closest} from "../../config/closest.js";
import {formatPath} from "../../config/path.js";
import {gotExpected, showValue} from "../../config/showValue.js";
import {operators as defaultOperators, operatorsFor, type Operator, type OperatorTable, type Threshold, type Value, type ValueType} from "./operators.js";
import type {Condition} from "./syntax.js";
import type {FeatureCatalogue, Ladder, Rule} from "./types.js";

export type RulePath = (string | number)[];

/** One problem, at a path relative to the list of classifications: [2, "tiers", 0, "when", "value"]. */
export interface RuleIssue {
  path: RulePath;
  message: string;
}

/** A classification as written; `when: null` marks a condition the schema already rejected (skipped here). */
export interface LadderSource {
  id?: string;
  appliesTo?: string;
  tiers: readonly {id?: string; when?: Condition | null}[];
}

export interface ResolveOptions {
  features: FeatureCatalogue;
  operators?: OperatorTable;
}

interface Scope extends Required<ResolveOptions> {
  sources: readonly LadderSource[];
  index: number;
  earlier: readonly Ladder[];
  issues: RuleIssue[];
}

/** Every classification's typed ladder, and every problem found on the way. */
export function resolveLadders(sources: readonly LadderSource[], {features, operators = defaultOperators}: ResolveOptions): {ladders: Ladder[]; issues: RuleIssue[]} {
  const issues: RuleIssue[] = [];
  const ladders: Ladder[] = [];
  sources.forEach((source, index) => {
    const scope: Scope = {features, operators, sources, index, earlier: ladders.slice(), issues};
    const tiers = source.tiers.map((tier, j) => ({
      id: tier.id ?? `#${j}`,
      when: tier.when == null ? null : resolve(tier.when, [index, "tiers", j, "when"], scope),
    }));
    ladders.push({id: source.id ?? `#${index}`, appliesTo: source.appliesTo ?? "", tiers});
  });
  return {ladders, issues};
}

/**
 * The typed ladders of valid classifications, in order. Throws on the first
 * problem (the configuration check has reported them all at load) and on a
 * ladder without a fallback tier.
 */
export function compileRules(sources: readonly LadderSource[], options: ResolveOptions): Ladder[] {
  const {ladders, issues} = resolveLadders(sources, options);
  if (issues.length) {
    const [i, ...rest] = issues[0].path;
    throw new Error(`invalid rule: classification ${sources[i as number].id} ${formatPath(rest)}: ${issues[0].message}`);
  }
  for (const ladder of ladders) {
    const last = ladder.tiers.length - 1;
    if (last < 0 || ladder.tiers[last].when !== null || ladder.tiers.slice(0, last).some((t) => t.when === null))
      throw new Error(`invalid classification: ${ladder.id} has no fallback tier`);
  }
  return ladders;
}

function resolve(condition: Condition, path: RulePath, scope: Scope): Rule {
  if ("all" in condition) return {kind: "all", rules: condition.all.map((c, k) => resolve(c, [...path, "all", k], scope))};
  if ("any" in condition) return {kind: "any", rules: condition.any.map((c, k) => resolve(c, [...path, "any", k], scope))};
  if ("not" in condition) return {kind: "not", rule: resolve(condition.not, [...path, "not"], scope)};
  if ("classification" in condition) return reference(condition, path, scope);
  const [op, value, valuePath] = "op" in condition ? [condition.op, condition.value, [...path, "value"]] : ["in", condition.in, [...path, "in"]];
  return comparison(condition.feature, op, value, {path, valuePath}, scope);
}

const noun: Record<ValueType, string> = {number: "a number", text: "text", boolean: "a yes/no flag"};

function comparison(feature: string, op: string, value: Value | readonly Value[], {path, valuePath}: {path: RulePath; valuePath: RulePath}, scope: Scope): Rule {
  const {features, operators, sources, index, issues} = scope;
  const {id, appliesTo = ""} = sources[index];
  const info = Object.hasOwn(features, feature) ? features[feature] : undefined;
  const operator: Operator | undefined = Object.hasOwn(operators, op) ? operators[op] : undefined;
  const rule: Rule = {kind: "feature", feature, type: info?.type ?? "number", op, operator: operator!, threshold: value};
  // A client type no feature has: the schema reports appliesTo itself.
  if (!Object.values(features).some((f) => f.of.includes(appliesTo))) return rule;
  if (!info || !info.of.includes(appliesTo)) {
    const here = Object.keys(features).filter((name) => features[name].of.includes(appliesTo));
    const suggestion = closest(feature, here);
    const expected = info
      ? `a ${appliesTo} feature, as ${id} applies to ${appliesTo} clients; ${feature} is a ${info.of.join(" and ")} feature`
      : `a ${appliesTo} feature${suggestion ? ` (did you mean ${suggestion}?)` : " (docs/configuration.md lists them)"}`;
    issues.push({path: [...path, "feature"], message: gotExpected(feature, expected)});
    return rule;
  }
  if (!operator) {
    issues.push({path: [...path, "op"], message: gotExpected(op, `one of ${Object.keys(operators).join(", ")}`)});
    return rule;
  }
  if (!operator.types.includes(info.type)) {
    issues.push({path: [...path, "op"], message: gotExpected(op, `one of ${operatorsFor(info.type, operators).join(", ")}: ${feature} is ${noun[info.type]}`)});
    return rule;
  }
  const problem = (at: RulePath, message: string) => void issues.push({path: at, message});
  const scalar = (v: unknown, at: RulePath) => {
    const message = valueProblem(v, info.type, feature);
    if (message) problem(at, message);
  };
  switch (operator.operand) {
    case "one":
      if (Array.isArray(value)) problem(valuePath, gotExpected(value, `one value: ${feature} ${op} compares with a single threshold`));
      else scalar(value, valuePath);
      break;
    case "list":
      if (!Array.isArray(value) || value.length === 0) problem(valuePath, gotExpected(value, `a non-empty list of values of ${feature}`));
      else value.forEach((v, k) => scalar(v, [...valuePath, k]));
      break;
    case "range":
      if (!Array.isArray(value) || value.length !== 2) problem(valuePath, gotExpected(value, `[low, high]`));
      else {
        value.forEach((v, k) => scalar(v, [...valuePath, k]));
        if (typeof value[0] === "number" && typeof value[1] === "number" && value[0] > value[1]) problem(valuePath, gotExpected(value, "[low, high] with low ≤ high"));
      }
      break;
  }
  return {...rule, type: info.type, threshold: value as Threshold};
}

/** Why a threshold does not fit a feature of this type, or undefined when it does. */
function valueProblem(value: unknown, type: ValueType, feature: string): string | undefined {
  switch (type) {
    case "number":
      if (typeof value === "number") return Number.isFinite(value) ? undefined : gotExpected(value, "a finite number");
      if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
        return gotExpected(value, `a number: ${feature} is a number (write ${value.trim()} without quotes)`);
      return gotExpected(value, `a number: ${feature} is a number`);
    case "text":
      if (value === "") return gotExpected(value, "a non-empty text: an empty value counts as missing, so this rule could never hold");
      if (typeof value === "string") return undefined;
      return gotExpected(value, `text: ${feature} is text (write ${JSON.stringify(showValue(value))} in quotes)`);
    case "boolean":
      if (typeof value === "boolean") return undefined;
      if (value === "true" || value === "false") return gotExpected(value, `${value} without quotes: ${feature} is a yes/no flag`);
      return gotExpected(value, `true or false: ${feature} is a yes/no flag`);
  }
}

function reference(condition: {classification: string; in: string[]}, path: RulePath, scope: Scope): Rule {
  const {sources, index, earlier, issues} = scope;
  const {classification: name} = condition;
  const own = sources[index];
  const rule: Rule = {kind: "tier", classification: name, tiers: condition.in};
  const at = [...path, "classification"];
  if (name === own.id) {
    issues.push({path: at, message: `got ${JSON.stringify(name)}; a classification cannot refer to itself`});
    return rule;
  }
  const target = earlier.find((l) => l.id === name);
  if (!target) {
    const later = sources.findIndex((s) => s.id === name);
    const ids = earlier.map((l) => l.id);
    const suggestion = closest(name, ids);
    const message =
      later >= 0
        ? `got ${JSON.stringify(name)}, which is defined later (classifications[${later}]); a rule may only use classifications listed before it`
        : gotExpected(name, suggestion ? `an earlier classification (did you mean ${suggestion}?)` : ids.length ? `one of the earlier classifications: ${ids.join(", ")}` : "an earlier classification (there is none)");
    issues.push({path: at, message});
    return rule;
  }
  if (own.appliesTo !== undefined && target.appliesTo !== own.appliesTo) {
    issues.push({path: at, message: `got ${JSON.stringify(name)}, which applies to ${target.appliesTo} clients; expected a classification that applies to ${own.appliesTo} clients`});
    return rule;
  }
  const tierIds = target.tiers.map((t) => t.id);
  condition.in.forEach((tier, k) => {
    if (!tierIds.includes(tier)) issues.push({path: [...path, "in", k], message: gotExpected(tier, `a tier of ${name}: ${tierIds.join(", ")}`)});
  });
  return rule;
}
