// Every rule type-checked at load, by the rule compiler's own check
// (src/segmentation/rules/resolve.ts): features that exist for the
// classification's client type, operators that fit them, thresholds of the
// feature's type, references to earlier classifications and their tiers.

import {resolveLadders, type LadderSource} from "../../segmentation/rules/resolve.js";
import type {Condition} from "../../segmentation/rules/syntax.js";
import {featureNames, type FeatureName} from "../features.js";
import type {ConfigIssue} from "../issue.js";
import type {ConfigPath} from "../path.js";
import {condition} from "../schema.js";
import {gotExpected} from "../showValue.js";
import {isRecord, list, record, text} from "./input.js";

const clientTypes = ["retail", "corporate"];

export function checkRules(input: Record<string, unknown>, {features = featureNames}: {features?: Readonly<Record<string, FeatureName>>} = {}): ConfigIssue[] {
  const sources: LadderSource[] = list(input.classifications).map((c) => ({
    id: text(record(c).id),
    // a client type the schema refuses is left out, so that it is reported once
    appliesTo: clientTypes.find((t) => t === record(c).appliesTo),
    tiers: list(record(c).tiers).map((t) => ({id: text(record(t).id), when: record(t).when === undefined ? undefined : readable(record(t).when)})),
  }));
  const {issues} = resolveLadders(sources, {features});
  return [...issues.map((issue) => ({path: ["classifications", ...issue.path], message: issue.message})), ...checkHistory(input, features)];
}

// The parts of a condition the schema accepts, so that one run reports the
// type problems of every readable leaf; the schema reports the others.
function readable(when: unknown): Condition {
  const parsed = condition.safeParse(when);
  if (parsed.success) return parsed.data;
  if (isRecord(when)) {
    if (Array.isArray(when.all)) return {all: when.all.map(readable)};
    if (Array.isArray(when.any)) return {any: when.any.map(readable)};
    if (when.not !== undefined) return {not: readable(when.not)};
  }
  return {all: []};
}

// The value history (was_value_client, quarters_below_value) is drawn from
// the value-client classification, computed on records without it: so that
// classification, and the retail ones before it, cannot read the history.
function checkHistory(input: Record<string, unknown>, features: Readonly<Record<string, FeatureName>>): ConfigIssue[] {
  const value = text(record(record(input.kpis).valueClient).classification);
  const classifications = list(input.classifications);
  const last = classifications.findIndex((c) => text(record(c).id) === value);
  const history = Object.keys(features).filter((name) => features[name].derived && features[name].of.includes("retail"));
  const issues: ConfigIssue[] = [];
  classifications.slice(0, last + 1).forEach((c, i) => {
    if (record(c).appliesTo !== "retail") return;
    list(record(c).tiers).forEach((t, j) => {
      for (const {feature, path} of featureReferences(record(t).when, ["classifications", i, "tiers", j, "when"])) {
        if (history.includes(feature))
          issues.push({
            path,
            message: gotExpected(feature, `a feature of the features stage: the value history is drawn from kpis.valueClient (${value}), so ${value} and the classifications before it cannot read ${history.join(" or ")}`),
          });
      }
    });
  });
  return issues;
}

function featureReferences(when: unknown, path: ConfigPath): {feature: string; path: ConfigPath}[] {
  if (!isRecord(when)) return [];
  if (Array.isArray(when.all)) return when.all.flatMap((c, k) => featureReferences(c, [...path, "all", k]));
  if (Array.isArray(when.any)) return when.any.flatMap((c, k) => featureReferences(c, [...path, "any", k]));
  if (when.not !== undefined) return featureReferences(when.not, [...path, "not"]);
  const feature = text(when.feature);
  return feature === undefined ? [] : [{feature, path: [...path, "feature"]}];
}
