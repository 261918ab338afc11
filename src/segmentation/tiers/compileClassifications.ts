import type {Classification} from "../../config/schema.js";
import {compileCondition, type CompiledCondition} from "./compileCondition.js";
import {compileLadderSource} from "./compileLadderSource.js";
import type {ClientPeriod} from "./types.js";

export interface CompiledClassifications {
  /** Classification id → tier id for one record (same answer as classifyAll, without explanations). */
  (record: ClientPeriod): Record<string, string>;
  /** Classification ids, in evaluation order. */
  readonly ids: readonly string[];
  /** Tier ids of each classification, in ladder order. */
  readonly tiers: readonly (readonly string[])[];
  /** Writes each classification's tier index for one record into `out` (length = ids.length); allocation-free. */
  codes(record: ClientPeriod, out: Int32Array): Int32Array;
}

/**
 * Compiles classifications once: the fast path for whole extracts. By default
 * into one generated function (see compileLadderSource); `generate: false`, or
 * a page that forbids code generation, uses closures with the same answers.
 * A reference to an unknown or later classification throws
 * `invalid classification reference: <id>` here, before any record is read.
 */
export function compileClassifications(classifications: readonly Classification[], {generate = true}: {generate?: boolean} = {}): CompiledClassifications {
  const slots = new Map<string, {slot: number; tiers: readonly string[]}>();
  const ladders: {tests: (CompiledCondition | null)[]}[] = [];
  classifications.forEach((c, slot) => {
    if (c.tiers[c.tiers.length - 1]?.when !== undefined) throw new Error(`invalid classification: ${c.id} has no fallback tier`);
    ladders.push({tests: c.tiers.map((t) => (t.when === undefined ? null : compileCondition(t.when, slots)))});
    slots.set(c.id, {slot, tiers: c.tiers.map((t) => t.id)});
  });
  const ids = classifications.map((c) => c.id);
  const tiers = classifications.map((c) => c.tiers.map((t) => t.id));

  // The plain twin of the generated function below, and the fallback where code generation is not allowed.
  const closures = (record: ClientPeriod, out: Int32Array): Int32Array => {
    for (let s = 0; s < ladders.length; ++s) {
      const tests = ladders[s].tests;
      let i = 0;
      while (i < tests.length - 1 && !tests[i]!(record, out)) ++i;
      // the last tier is the fallback (checked above), so the ladder is total
      out[s] = i;
    }
    return out;
  };
  const codes = (generate && compileLadderSource(classifications)) || closures;
  const scratch = new Int32Array(ids.length);
  const classifyRecord = (record: ClientPeriod): Record<string, string> => {
    codes(record, scratch);
    const result: Record<string, string> = {};
    for (let s = 0; s < ids.length; ++s) result[ids[s]] = tiers[s][scratch[s]];
    return result;
  };
  return Object.assign(classifyRecord, {ids, tiers, codes});
}

/**
 * Every record in every classification, column-wise: for each classification its
 * tier ids and one tier index per record (Uint8Array: ladders have < 256 tiers).
 */
export function classifyMany(records: readonly ClientPeriod[], classifications: readonly Classification[]): Record<string, {tiers: readonly string[]; codes: Uint8Array}> {
  const compiled = compileClassifications(classifications);
  const m = compiled.ids.length;
  const columns = compiled.ids.map(() => new Uint8Array(records.length));
  const out = new Int32Array(m);
  for (let i = 0; i < records.length; ++i) {
    compiled.codes(records[i], out);
    for (let s = 0; s < m; ++s) columns[s][i] = out[s];
  }
  const result: Record<string, {tiers: readonly string[]; codes: Uint8Array}> = {};
  compiled.ids.forEach((id, s) => (result[id] = {tiers: compiled.tiers[s], codes: columns[s]}));
  return result;
}
