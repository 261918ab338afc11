import type {EnterpriseSizeConfig} from "../../config/schema.js";
import type {ClientPeriod} from "../types.js";

export type SizeClass = "large" | "medium" | "small" | "micro";
type Metric = keyof EnterpriseSizeConfig["metrics"];

const classes: readonly SizeClass[] = ["large", "medium", "small", "micro"];
const metrics: readonly Metric[] = ["employees", "revenue", "assets"];

export interface SizeCheck {
  metric: Metric;
  feature: string;
  /** [large, medium, small] lower bounds for the industry. */
  bounds: readonly [number, number, number];
  value: number | null;
  /** The highest class this metric alone reaches (a missing value reaches only micro). */
  reaches: SizeClass;
}

export interface SizeResult {
  sizeClass: SizeClass;
  /** The industry whose bounds were used (the fallback when the record's is not in the table). */
  industry: string;
  explanation: SizeCheck[];
}

/**
 * Enterprise size by the national standard (DOMAIN.md §3): large, medium and
 * small must meet every lower bound the industry lists for that class, else the
 * enterprise falls one class; micro is everything below small. So the class is
 * the lowest class reached over the listed metrics. A listed metric with no
 * value cannot be met. An industry that lists no metric at all gives micro:
 * nothing proves the enterprise is bigger.
 */
export function sizeClass(record: ClientPeriod, cfg: EnterpriseSizeConfig, {industryField = "industry"}: {industryField?: string} = {}): SizeResult {
  const given = record[industryField];
  const industry = typeof given === "string" && Object.hasOwn(cfg.industries, given) ? given : cfg.fallbackIndustry;
  const row = cfg.industries[industry];
  if (!row) throw new Error(`invalid fallback industry: ${cfg.fallbackIndustry}`);
  const explanation: SizeCheck[] = [];
  let lowest = -1; // no metric listed yet
  for (const metric of metrics) {
    const bounds = row[metric];
    if (!bounds) continue;
    const feature = cfg.metrics[metric];
    const value = asNumber(record[feature]);
    let reached = 3; // micro
    if (!Number.isNaN(value)) for (let c = 2; c >= 0 && value >= bounds[c]; --c) reached = c;
    explanation.push({metric, feature, bounds, value: Number.isNaN(value) ? null : value, reaches: classes[reached]});
    lowest = Math.max(lowest, reached);
  }
  return {sizeClass: classes[lowest < 0 ? 3 : lowest], industry, explanation};
}

/** A metric as a number: numbers as they are, numeric text (CSV) parsed; anything else is missing (NaN). */
function asNumber(raw: unknown): number {
  if (typeof raw === "number") return raw;
  if (typeof raw === "string" && raw.trim() !== "") return Number(raw);
  return NaN;
}

/** A new record with the size class added as a feature (default `size_class`, which the enterprise_size classification reads). */
export function withSizeClass(record: ClientPeriod, cfg: EnterpriseSizeConfig, {feature = "size_class", industryField = "industry"}: {feature?: string; industryField?: string} = {}): ClientPeriod {
  // Object.assign, not a spread: V8 turns a spread copy of a wide record into a
  // slow dictionary object, and the tier engine reads these millions of times.
  return Object.assign({}, record, {[feature]: sizeClass(record, cfg, {industryField}).sizeClass});
}
