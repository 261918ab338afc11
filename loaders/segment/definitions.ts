// Which classifications and tiers the dashboard's headline numbers read. They
// come from the configuration, so that a bank that renames a tier keeps its KPIs.

import type {Config} from "../../src/config/schema.js";

export interface TierRef {
  classification: string;
  tier: string;
}

export function valueClientRule(config: Config): TierRef {
  return config.kpis.valueClient;
}

export function dormantRule(config: Config): TierRef {
  return config.kpis.dormant;
}

/** The official retail ladder: the migration classification, low → high. */
export function retailLadder(config: Config): {classification: string; tiers: string[]; vipTiers: string[]} {
  const id = config.migration.classification;
  const c = config.classifications.find((x) => x.id === id);
  if (!c) throw new Error(`invalid configuration migration.classification: ${id} (not a classification id)`);
  const tiers = c.tiers.map((t) => t.id).reverse(); // configuration lists them high → low
  return {classification: id, tiers, vipTiers: tiers.filter((t) => !config.kpis.nonVipTiers.includes(t))};
}
