// Configuration rules as sentences, for the Methodology page:
//   钻石卡: 季日均金融资产 ≥ 500万   /   Diamond: quarter average daily AUM ≥ 5,000,000
// Isomorphic and pure: the page renders the configuration the site was built with.

import {operators as defaultOperators, type OperatorTable, type Value} from "../segmentation/rules/operators.js";
import {featureNames, type FeatureName} from "./features.js";
import type {Classification, Condition, Config, Label, RfmConfig} from "./schema.js";

export type Locale = "zh-CN" | "en";

export interface DescribeOptions {
  locale?: Locale;
  /** Feature names; unknown features print as their column name. */
  features?: Readonly<Record<string, FeatureName>>;
  /** Classifications that {classification: X} conditions may name, for their labels. */
  classifications?: readonly Classification[];
  /** The operators, for their symbols (default: the rule language's table). */
  operators?: OperatorTable;
}

const words = {
  "zh-CN": {and: " 且 ", or: " 或 ", not: (s: string) => `非（${s}）`, yes: "是", no: "否", is: (a: string, b: string) => `${a}为${b}`, oneOf: (a: string, b: string) => `${a}为${b}之一`, list: "、", otherwise: "其余客户", days: "天", months: "个月"},
  en: {and: " and ", or: " or ", not: (s: string) => `not (${s})`, yes: "yes", no: "no", is: (a: string, b: string) => `${a} is ${b}`, oneOf: (a: string, b: string) => `${a} is one of ${b}`, list: ", ", otherwise: "all other clients", days: " days", months: " months"},
} as const;

const pick = (label: Label, locale: Locale) => (locale === "en" ? label.en : label.zh);

/** One condition as text. */
export function describeCondition(condition: Condition, options: DescribeOptions = {}): string {
  return describe(condition, options, 0);
}

function describe(condition: Condition, options: DescribeOptions, depth: number): string {
  const {locale = "zh-CN", features = featureNames, classifications = [], operators = defaultOperators} = options;
  const w = words[locale];
  const group = (parts: Condition[], joiner: string) => {
    const text = parts.map((part) => describe(part, options, depth + 1)).join(joiner);
    return depth > 0 && parts.length > 1 ? `(${text})` : text;
  };
  if ("all" in condition) return group(condition.all, w.and);
  if ("any" in condition) return group(condition.any, w.or);
  if ("not" in condition) return w.not(describe(condition.not, options, 0));
  if ("classification" in condition) {
    const target = classifications.find((c) => c.id === condition.classification);
    const name = target ? pick(target.label, locale) : condition.classification;
    const tiers = condition.in.map((id) => {
      const tier = target?.tiers.find((t) => t.id === id);
      return tier ? pick(tier.label, locale) : id;
    });
    return tiers.length === 1 ? w.is(name, tiers[0]) : w.oneOf(name, tiers.join(w.list));
  }
  const feature = features[condition.feature];
  const name = feature ? pick(feature, locale) : condition.feature;
  const [op, value]: [string, Value | Value[]] = "op" in condition ? [condition.op, condition.value] : ["in", condition.in];
  const operand = Object.hasOwn(operators, op) ? operators[op].operand : "one";
  const show = (v: Value) => formatValue(v, feature, locale);
  if (operand === "list" && Array.isArray(value)) return value.length === 1 ? w.is(name, show(value[0])) : w.oneOf(name, value.map(show).join(w.list));
  if (typeof value === "boolean" && (op === "==" || op === "!=")) return `${name} = ${value === (op === "==") ? w.yes : w.no}`;
  const symbol = Object.hasOwn(operators, op) ? operators[op].symbol : op;
  return `${name} ${symbol} ${Array.isArray(value) ? `[${value.map(show).join(", ")}]` : show(value)}`;
}

/** A threshold as the bank writes it: 500万 and 1.5亿 in Chinese, 5,000,000 in English. */
export function formatValue(value: string | number | boolean, feature: FeatureName | undefined, locale: Locale): string {
  if (typeof value !== "number") return feature?.values?.[String(value)] ? pick(feature.values[String(value)], locale) : String(value);
  const w = words[locale];
  switch (feature?.unit) {
    case "money":
      return locale === "en" ? grouped(value) : wan(value);
    case "wan": // stored in 万元
      return locale === "en" ? grouped(value * 1e4) : wan(value * 1e4);
    case "share":
      return `${round(value * 100)}%`;
    case "days":
      return `${grouped(value)}${w.days}`;
    case "months":
      return `${grouped(value)}${w.months}`;
    default:
      return grouped(value);
  }
}

function wan(value: number): string {
  const size = Math.abs(value);
  if (size >= 1e8) return `${round(value / 1e8)}亿`;
  if (size >= 1e4) return `${round(value / 1e4)}万`;
  return grouped(value);
}

const round = (value: number) => String(Math.round(value * 1e4) / 1e4);

function grouped(value: number): string {
  const [whole, fraction] = round(value).split(".");
  const digits = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${digits}.${fraction}` : digits;
}

/** "钻石卡: 季日均金融资产 ≥ 500万", one line per tier, the fallback last. */
export function describeTiers(classification: Classification, options: DescribeOptions = {}): string[] {
  const {locale = "zh-CN"} = options;
  return classification.tiers.map((tier) => `${pick(tier.label, locale)}: ${tier.when ? describeCondition(tier.when, options) : words[locale].otherwise}`);
}

/** "重要价值客户: R 5, FM 4–5". */
export function describeRfmSegments(rfm: RfmConfig, {locale = "zh-CN"}: {locale?: Locale} = {}): string[] {
  const range = ([lo, hi]: [number, number]) => (lo === hi ? `${lo}` : `${lo}–${hi}`);
  return rfm.segments.map((s) => `${pick(s.label, locale)}: R ${range(s.r)}, FM ${range(s.fm)}`);
}

export interface DescribedClassification {
  id: string;
  label: string;
  appliesTo: Classification["appliesTo"];
  rules: string[];
}

/** Every classification's rules, in the configuration's order (which is evaluation order). */
export function describeClassifications(config: Pick<Config, "classifications" | "locale">, {locale = config.locale, features = featureNames}: Omit<DescribeOptions, "classifications"> = {}): DescribedClassification[] {
  return config.classifications.map((c) => ({
    id: c.id,
    label: pick(c.label, locale),
    appliesTo: c.appliesTo,
    rules: describeTiers(c, {locale, features, classifications: config.classifications}),
  }));
}
