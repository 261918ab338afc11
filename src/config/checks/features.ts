// Feature names outside the rules: RFM, k-means, enterprise size metrics and
// campaign outcomes each read features of one kind of record and type. A
// misspelt or wrong feature would otherwise score, cluster or size every
// client on an empty column.

import {closest} from "../closest.js";
import {featureNames, type FeatureName, type FeatureRecords, type FeatureType} from "../features.js";
import type {ConfigIssue} from "../issue.js";
import type {ConfigPath} from "../path.js";
import {gotExpected} from "../showValue.js";
import {list, record, text} from "./input.js";

interface Wanted {
  records: FeatureRecords;
  types: readonly FeatureType[];
  /** Why a derived feature (value history, size class) cannot be read here, if it cannot. */
  notDerived?: string;
  /** What is expected, e.g. "a numeric retail feature". */
  what: string;
}

const numericRetail: Wanted = {records: "retail", types: ["number"], what: "a numeric retail feature"};

export function checkFeatures(input: Record<string, unknown>, {features = featureNames}: {features?: Readonly<Record<string, FeatureName>>} = {}): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const check = (path: ConfigPath, value: unknown, wanted: Wanted) => {
    const name = text(value);
    if (name === undefined) return;
    const message = problem(name, wanted, features);
    if (message) issues.push({path, message});
  };
  const rfm = record(input.rfm);
  for (const key of ["recencyFeature", "frequencyFeature", "monetaryFeature"]) check(["rfm", key], rfm[key], numericRetail);
  const seen = new Map<string, number>();
  list(record(input.kmeans).features).forEach((f, i) => {
    const path = ["kmeans", "features", i, "feature"];
    check(path, record(f).feature, {
      records: "retail",
      types: ["number", "boolean"],
      notDerived: "k-means trains on the features stage's table, which does not have it",
      what: "a numeric or yes/no retail feature",
    });
    const name = text(record(f).feature);
    if (name !== undefined && seen.has(name)) issues.push({path, message: gotExpected(name, `each feature once (it is also kmeans.features[${seen.get(name)}]); a feature listed twice counts twice in every distance`)});
    if (name !== undefined && !seen.has(name)) seen.set(name, i);
  });
  const metrics = record(record(input.enterpriseSize).metrics);
  for (const key of ["employees", "revenue", "assets"])
    check(["enterpriseSize", "metrics", key], metrics[key], {records: "corporate", types: ["number"], notDerived: "it is computed from these metrics", what: "a numeric corporate feature"});
  for (const [kind, outcome] of Object.entries(record(record(input.campaigns).outcomes)))
    check(["campaigns", "outcomes", kind, "qualifyingFeature"], record(outcome).qualifyingFeature, {records: "monthly", types: ["number"], what: "a monthly feature"});
  return issues;
}

const noun: Record<FeatureType, string> = {number: "a number", text: "text", boolean: "a yes/no flag"};

function problem(name: string, {records, types, notDerived, what}: Wanted, features: Readonly<Record<string, FeatureName>>): string | undefined {
  const fits = (f: FeatureName) => f.of.includes(records) && types.includes(f.type) && !(notDerived && f.derived);
  const feature = Object.hasOwn(features, name) ? features[name] : undefined;
  if (feature && fits(feature)) return undefined;
  const candidates = Object.keys(features).filter((n) => fits(features[n]));
  if (!feature) {
    const suggestion = closest(name, candidates);
    return gotExpected(name, `${what} (${suggestion ? `did you mean ${suggestion}?` : `one of ${candidates.join(", ")}`})`);
  }
  if (!feature.of.includes(records)) return gotExpected(name, `${what}; ${name} is a ${feature.of.join(" and ")} feature`);
  if (!types.includes(feature.type)) return gotExpected(name, `${what}; ${name} is ${noun[feature.type]}`);
  return gotExpected(name, `${what}; ${name} is made by segmentation, and ${notDerived}`);
}
