// Classifications: unique ids, a total tier list (fallback last), and
// {classification: X} references only to classifications already decided.

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
    tiers.forEach((t, j) => {
      const when = record(t).when;
      if (when !== undefined) issues.push(...checkReferences(when, [...path, "tiers", j, "when"], {own: id, appliesTo, earlier: known, all: list(input.classifications)}));
    });
    if (id !== undefined) known.push({id, appliesTo, tierIds: tiers.map((t) => text(record(t).id)).filter((t): t is string => t !== undefined)});
  });

  const migration = text(record(input.migration).classification);
  if (migration !== undefined && !known.some((k) => k.id === migration)) {
    const suggestion = closest(migration, known.map((k) => k.id));
    issues.push({path: ["migration", "classification"], message: gotExpected(migration, suggestion ? `an existing classification (did you mean ${suggestion}?)` : `one of ${known.map((k) => k.id).join(", ")}`)});
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
    if (id !== undefined && !c) issues.push({path: ["kpis", name, "classification"], message: gotExpected(id, `one of ${known.map((k) => k.id).join(", ")}`)});
    else if (c && tier !== undefined && !c.tierIds.includes(tier)) issues.push({path: ["kpis", name, "tier"], message: gotExpected(tier, `a tier of ${c.id}: ${c.tierIds.join(", ")}`)});
  }
  const ladder = known.find((k) => k.id === migration);
  list(kpis.nonVipTiers).forEach((t, i) => {
    const tier = text(t);
    if (ladder && tier !== undefined && !ladder.tierIds.includes(tier))
      issues.push({path: ["kpis", "nonVipTiers", i], message: gotExpected(tier, `a tier of ${ladder.id}: ${ladder.tierIds.join(", ")}`)});
  });
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

function checkReferences(
  condition: unknown,
  path: ConfigPath,
  context: {own: string | undefined; appliesTo: unknown; earlier: Known[]; all: unknown[]}
): ConfigIssue[] {
  if (!isRecord(condition)) return [];
  if (Array.isArray(condition.all)) return condition.all.flatMap((c, i) => checkReferences(c, [...path, "all", i], context));
  if (Array.isArray(condition.any)) return condition.any.flatMap((c, i) => checkReferences(c, [...path, "any", i], context));
  if (condition.not !== undefined) return checkReferences(condition.not, [...path, "not"], context);
  const name = text(condition.classification);
  if (name === undefined) return [];
  const at = [...path, "classification"];
  const earlierIds = context.earlier.map((k) => k.id);
  if (name === context.own) return [{path: at, message: `got ${JSON.stringify(name)}; a classification cannot refer to itself`}];
  const target = context.earlier.find((k) => k.id === name);
  if (!target) {
    const later = context.all.findIndex((c) => text(record(c).id) === name);
    if (later >= 0) return [{path: at, message: `got ${JSON.stringify(name)}, which is defined later (classifications[${later}]); a rule may only use classifications listed before it`}];
    const suggestion = closest(name, earlierIds);
    return [{path: at, message: gotExpected(name, suggestion ? `an earlier classification (did you mean ${suggestion}?)` : earlierIds.length ? `one of the earlier classifications: ${earlierIds.join(", ")}` : "an earlier classification (there is none)")}];
  }
  if (target.appliesTo !== context.appliesTo) return [{path: at, message: `got ${JSON.stringify(name)}, which applies to ${String(target.appliesTo)} clients; expected a classification that applies to ${String(context.appliesTo)} clients`}];
  return list(condition.in).flatMap((tier, i) =>
    typeof tier === "string" && !target.tierIds.includes(tier) ? [{path: [...path, "in", i], message: gotExpected(tier, `a tier of ${name}: ${target.tierIds.join(", ")}`)}] : []
  );
}
