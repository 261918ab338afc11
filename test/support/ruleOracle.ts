// The test oracle for the rule language: an evaluator written plainly from
// the documented semantics (docs/methodology/tiers.md), sharing no code with
// src/segmentation/rules. The back-ends are held equal to it.
//
// - A missing value (null, absent, NaN, empty text, a value of another type
//   than the feature's) makes every comparison false, != included.
// - Otherwise numbers compare numerically, text and flags by equality, and
//   `in` asks whether the value is in the list.
// - all / any / not as in logic; {classification, in} asks whether an earlier
//   classification gave one of the tiers.
// - A ladder gives the first tier whose condition holds, else its last tier.

import type {Condition} from "../../src/segmentation/rules/index.js";

type Types = Readonly<Record<string, "number" | "text" | "boolean">>;
type Row = Readonly<Record<string, unknown>>;

export interface OracleClassification {
  id: string;
  tiers: readonly {id: string; when?: Condition}[];
}

export function oracleTiers(classifications: readonly OracleClassification[], types: Types, row: Row): Record<string, string> {
  const decided: Record<string, string> = {};
  for (const c of classifications) {
    const tier = c.tiers.find((t) => t.when === undefined || oracleHolds(t.when, types, row, decided));
    decided[c.id] = tier!.id;
  }
  return decided;
}

export function oracleHolds(c: Condition, types: Types, row: Row, decided: Readonly<Record<string, string>>): boolean {
  if ("all" in c) {
    for (const part of c.all) if (!oracleHolds(part, types, row, decided)) return false;
    return true;
  }
  if ("any" in c) {
    for (const part of c.any) if (oracleHolds(part, types, row, decided)) return true;
    return false;
  }
  if ("not" in c) return !oracleHolds(c.not, types, row, decided);
  if ("classification" in c) return c.in.includes(decided[c.classification]);
  const value = row[c.feature];
  const type = types[c.feature];
  let missing = value === null || value === undefined;
  if (type === "number" && (typeof value !== "number" || Number.isNaN(value))) missing = true;
  if (type === "text" && (typeof value !== "string" || value === "")) missing = true;
  if (type === "boolean" && typeof value !== "boolean") missing = true;
  if (missing) return false;
  if ("in" in c) return c.in.includes(value as never);
  const t = c.value;
  if (c.op === ">=") return (value as number) >= (t as number);
  if (c.op === ">") return (value as number) > (t as number);
  if (c.op === "<=") return (value as number) <= (t as number);
  if (c.op === "<") return (value as number) < (t as number);
  if (c.op === "==") return value === t;
  if (c.op === "!=") return value !== t;
  if (c.op === "in") return (t as unknown[]).includes(value);
  throw new Error(`oracle: unknown operator ${c.op}`);
}
