// Classifications: unique ids, a total tier list (fallback last); the
// classifications and tiers the migration page and the KPIs name. References
// inside rules ({classification: X}) are checked with the rules (rules.ts).

import {closest} from "../closest.js";
import type {ConfigIssue} from "../issue.js";
import type {ConfigPath} from "../path.js";
import {gotExpected} from "../showValue.js";
import {isRecord, list, record, text} from "./input.js";

interface Known {
  id: string;
  appliesTo: unknown;
  tierIds: string[];
}

export function checkClassifications(input: Record<string, unknown>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const known: Known[] = [];
  list(input.classifications).forEach((c, i) => {
    const path = ["classifications", i];
    const id = text(record(c).id);
    const appliesTo = record(c).appliesTo;
    const tiers = list(record(c).tiers);
    if (id !== undefined && known.some((k) => k.id === id)) issues.push({path: [...path, "id"], message: `duplicate classification id: ${id}`});
    issues.push(...checkTierList(tiers, [...path, "tiers"]));
    if (id !== undefined) known.push({id, appliesTo, tierIds: tiers.map((t) => text(record(t).id)).filter((t): t is string => t !== undefined)});
  });

  const migration = text(record(input.migration).classification);
  const ladder = known.find((k) => k.id === migration);
  if (migration !== undefined && !ladder) {
    const suggestion = closest(migration, known.map((k) => k.id));
    issues.push({path: ["migration", "classification"], message: gotExpected(migration, suggestion ? `an existing classification (did you mean ${suggestion}?)` : `one of ${known.map((k) => k.id).join(", ")}`)});
  } else if (ladder && ladder.appliesTo !== "retail") {
    issues.push({path: ["migration", "classification"], message: gotExpected(migration, `a classification that applies to retail clients: the migration pages follow retail clients, and ${migration} applies to ${String(ladder.appliesTo)} clients`)});
  }
  issues.push(...checkKpis(record(input.kpis), known, migration));
  return issues;
}

// The dashboards' headline numbers name classifications and tiers: each must exist.
function checkKpis(kpis: Record<string, unknown>, known: Known[], migration: string | undefined): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const name of ["valueClient", "dormant"]) {
    const ref = record(kpis[name]);
    const id = text(ref.classification);
    const tier = text(ref.tier);
    const c = known.find((k) => k.id === id);
    const retail = known.filter((k) => k.appliesTo === "retail").map((k) => k.id);
    if (id !== undefined && !c) {
      const suggestion = closest(id, retail);
      issues.push({path: ["kpis", name, "classification"], message: gotExpected(id, suggestion ? `a retail classification (did you mean ${suggestion}?)` : `one of ${retail.join(", ")}`)});
    } else if (c && c.appliesTo !== "retail")
      issues.push({path: ["kpis", name, "classification"], message: gotExpected(id, `a classification that applies to retail clients (${retail.join(", ")}): the KPI counts retail clients`)});
    else if (c && tier !== undefined && !c.tierIds.includes(tier)) {
      const suggestion = closest(tier, c.tierIds);
      issues.push({path: ["kpis", name, "tier"], message: gotExpected(tier, `a tier of ${c.id}: ${suggestion ? `did you mean ${suggestion}?` : c.tierIds.join(", ")}`)});
    }
  }
  // (a migration classification that is not retail is reported on its own)
  const ladder = known.find((k) => k.id === migration && k.appliesTo === "retail");
  const nonVip = list(kpis.nonVipTiers);
  nonVip.forEach((t, i) => {
    const tier = text(t);
    if (ladder && tier !== undefined && !ladder.tierIds.includes(tier)) {
      const suggestion = closest(tier, ladder.tierIds);
      issues.push({path: ["kpis", "nonVipTiers", i], message: gotExpected(tier, `a tier of ${ladder.id}: ${suggestion ? `did you mean ${suggestion}?` : ladder.tierIds.join(", ")}`)});
    }
  });
  // With no non-VIP tier every client would count as VIP; with all of them, none would.
  if (Array.isArray(kpis.nonVipTiers) && ladder) {
    if (nonVip.length === 0) issues.push({path: ["kpis", "nonVipTiers"], message: `got []; expected the tiers of ${ladder.id} that are not VIP, at least its fallback tier ${ladder.tierIds.at(-1)}`});
    else if (ladder.tierIds.every((t) => nonVip.includes(t))) issues.push({path: ["kpis", "nonVipTiers"], message: gotExpected(nonVip, `some tiers of ${ladder.id} left out: with every tier listed, no client counts as VIP`)});
  }
  return issues;
}

// The same rules as the schema's refinement, repeated here because zod skips a
// refinement when anything inside the classification is already invalid.
function checkTierList(tiers: unknown[], path: ConfigPath): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const last = tiers.length - 1;
  const seen = new Set<string>();
  tiers.forEach((t, j) => {
    if (!isRecord(t)) return;
    if (j < last && t.when === undefined) issues.push({path: [...path, j, "when"], message: `missing; only the last tier may omit \`when\` (it is the fallback), and tier ${text(t.id) ?? j} is not last`});
    if (j === last && t.when !== undefined) issues.push({path: [...path, j, "when"], message: `the last tier must omit \`when\`, so that every client gets a tier; add a fallback tier after ${text(t.id) ?? "it"}`});
    const id = text(t.id);
    if (id !== undefined && seen.has(id)) issues.push({path: [...path, j, "id"], message: `duplicate tier id: ${id}`});
    if (id !== undefined) seen.add(id);
  });
  return issues;
}
