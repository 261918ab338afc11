// Test support: random rule sets and rows for the rule language's back-ends,
// and the check that the SQL back-end (on any engine), the JS back-end, the
// explainer and the oracle (ruleOracle.ts) give every row the same tier.

import fc from "fast-check";
import {expect} from "vitest";
import type {Engine} from "../../loaders/engine/engine.js";
import {tiersSelectSql} from "../../loaders/segment/rulesSql.js";
import type {ColumnKind} from "../../loaders/segment/segmentSql.js";
import {classifier, compileRules, explainLadder, type Condition, type FeatureCatalogue, type LadderSource} from "../../src/segmentation/rules/index.js";
import type {ClientPeriod} from "../../src/segmentation/types.js";
import {oracleTiers} from "./ruleOracle.js";

// The test table: two doubles, an integer, two texts, a flag.
export const types = {n1: "number", n2: "number", i1: "number", t1: "text", t2: "text", b1: "boolean"} as const;
const sqlTypes: Record<string, string> = {n1: "DOUBLE PRECISION", n2: "DOUBLE PRECISION", i1: "INTEGER", t1: "VARCHAR", t2: "VARCHAR", b1: "BOOLEAN"};
export const features: FeatureCatalogue = Object.fromEntries(Object.entries(types).map(([name, type]) => [name, {type, of: ["retail"]}]));
export const columns = new Map<string, ColumnKind>(Object.entries(types));
const names = Object.keys(types);

// Thresholds and data come from the same small pools, so values sit exactly on thresholds often.
const numbers = [-1, 0, 0.5, 1, 2, 3, 100, 199999.99, 200000, 1e6];
const integers = [0, 1, 2, 3, 100];
const texts = ["a", "b", "c", "d"];

const numberFeature = fc.constantFrom("n1", "n2", "i1");
const textFeature = fc.constantFrom("t1", "t2");
const list = <T>(values: readonly T[]) => fc.uniqueArray(fc.constantFrom(...values), {minLength: 1, maxLength: 4});

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({feature: numberFeature, op: fc.constantFrom(">=", ">", "<=", "<", "==", "!="), value: fc.constantFrom(...numbers, ...integers)}),
  fc.record({feature: numberFeature, in: list(numbers)}),
  fc.record({feature: numberFeature, op: fc.constant("in"), value: list(integers)}),
  fc.record({feature: textFeature, op: fc.constantFrom("==", "!="), value: fc.constantFrom(...texts)}),
  fc.record({feature: textFeature, in: list(texts)}),
  fc.record({feature: fc.constant("b1"), op: fc.constantFrom("==", "!="), value: fc.boolean()})
);

/** A condition over the features and, when given, references to earlier classifications. */
function condition(earlier: readonly {id: string; tiers: string[]}[]): fc.Arbitrary<Condition> {
  const reference = earlier.length
    ? [fc.constantFrom(...earlier).chain((c) => list(c.tiers).map((tiers): Condition => ({classification: c.id, in: tiers})))]
    : [];
  const atom = fc.oneof(leaf, ...reference);
  return fc.letrec<{c: Condition}>((tie) => ({
    c: fc.oneof(
      {depthSize: "small", withCrossShrink: true},
      atom,
      fc.array(tie("c"), {minLength: 1, maxLength: 3}).map((all): Condition => ({all})),
      fc.array(tie("c"), {minLength: 1, maxLength: 3}).map((any): Condition => ({any})),
      tie("c").map((not): Condition => ({not}))
    ),
  })).c;
}

/** One to three classifications of one to four tiers (the last a fallback); later ones may refer to earlier ones. */
export const ruleSet: fc.Arbitrary<LadderSource[]> = fc.integer({min: 1, max: 3}).chain((count) => {
  const build = (i: number, done: LadderSource[]): fc.Arbitrary<LadderSource[]> => {
    if (i === count) return fc.constant(done);
    const earlier = done.map((c) => ({id: c.id!, tiers: c.tiers.map((t) => t.id!)}));
    return fc
      .array(condition(earlier), {minLength: 0, maxLength: 3})
      .map((whens): LadderSource => ({
        id: `c${i}`,
        appliesTo: "retail",
        tiers: [...whens.map((when, j) => ({id: `t${j}`, when})), {id: `t${whens.length}`}],
      }))
      .chain((c) => build(i + 1, [...done, c]));
  };
  return build(0, []);
});

const maybe = <T>(values: fc.Arbitrary<T>) => fc.oneof({weight: 1, arbitrary: fc.constant(null)}, {weight: 4, arbitrary: values});
const row = fc.record({
  n1: maybe(fc.constantFrom(...numbers, NaN)),
  n2: maybe(fc.oneof(fc.constantFrom(...numbers), fc.double({min: -10, max: 1e6, noNaN: true}))),
  i1: maybe(fc.constantFrom(...integers)),
  t1: maybe(fc.constantFrom(...texts, "")),
  t2: maybe(fc.constantFrom(...texts, "", "A", "a ")),
  b1: maybe(fc.boolean()),
});
export const data = fc.array(row, {minLength: 1, maxLength: 30});

export const tierColumn = (id: string) => `tier_${id}`;

export type Row = Readonly<Record<keyof typeof types, number | string | boolean | null>>;

/**
 * Classifies the rows with the SQL back-end on the engine (table rule_rows)
 * and with the JS back-end, the explainer and the oracle; expects one tier from
 * all four. `dropNulls[i]` leaves row i's nulls out on the JS side (absent keys).
 * Returns how many rows were checked and how many landed above a fallback.
 */
export async function expectBackendsAgree(engine: Engine, sources: readonly LadderSource[], rows: readonly Row[], dropNulls: readonly boolean[]): Promise<{rows: number; decided: number}> {
  const ladders = compileRules(sources, {features});
  await engine.run(`DROP TABLE IF EXISTS rule_rows`);
  await engine.run(`CREATE TABLE rule_rows (id INTEGER, ${names.map((n) => `${n} ${sqlTypes[n]}`).join(", ")})`);
  await engine.appendRows("rule_rows", ["id", ...names], rows.map((r, i) => [i, ...names.map((n) => r[n as keyof Row])]));
  const sql = await engine.all<Record<string, unknown>>(`SELECT * FROM (${tiersSelectSql(ladders, {source: "rule_rows", columns, tierColumn})}) s ORDER BY id`);
  const classify = classifier(ladders);
  let decided = 0;
  rows.forEach((r, i) => {
    const record: ClientPeriod = Object.fromEntries(Object.entries(r).filter(([, v]) => !(v === null && dropNulls[i])));
    const expected = oracleTiers(sources as never, types, record);
    const js = classify(record);
    const classified: Record<string, string> = {};
    for (const ladder of ladders) {
      const explained = explainLadder(ladder, record, {classified});
      classified[ladder.id] = explained.tier;
      expect(js[ladder.id], `JS ${ladder.id} row ${i}`).toBe(expected[ladder.id]);
      expect(sql[i][tierColumn(ladder.id)], `SQL ${ladder.id} row ${i}`).toBe(expected[ladder.id]);
      expect(explained.tier).toBe(expected[ladder.id]);
      if (explained.ruleIndex < ladder.tiers.length - 1) ++decided;
    }
  });
  return {rows: rows.length, decided};
}
