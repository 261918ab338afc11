import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {byGroup, migrationRates, projectNext, sankeyGraph, transitionMatrix, type MigrationRecord} from "../../../src/segmentation/migration/index.js";
import {ladder} from "./fixtures.js";
import {isAcyclic} from "./graph.js";

const record = fc.record({
  id: fc.integer({min: 0, max: 60}),
  state: fc.constantFrom(...ladder),
  aum: fc.option(fc.integer({min: 0, max: 10_000_000}).map((fen) => fen / 100), {nil: undefined}),
  branch: fc.constantFrom("B1", "B2", "B3"),
});
const period = fc.uniqueArray(record, {selector: (r) => r.id, maxLength: 40});
const shuffled = <T>(values: T[]) => fc.shuffledSubarray(values, {minLength: values.length, maxLength: values.length});
const ids = (records: MigrationRecord[]) => new Set(records.map((r) => r.id));

describe("migration properties", () => {
  it("the matrix does not depend on the order of the input rows", () => {
    fc.assert(
      fc.property(
        fc.tuple(period, period).chain(([a, b]) => fc.tuple(fc.constant(a), fc.constant(b), shuffled(a), shuffled(b))),
        ([a, b, a2, b2]) => {
          expect(transitionMatrix(a2, b2, {states: ladder})).toEqual(transitionMatrix(a, b, {states: ladder}));
          expect(byGroup(a2, b2, "branch", {states: ladder})).toEqual(byGroup(a, b, "branch", {states: ladder}));
        }
      )
    );
  });

  it("conserves clients: rows add up to the earlier period, columns to the later one", () => {
    fc.assert(
      fc.property(period, period, (a, b) => {
        const m = transitionMatrix(a, b, {states: ladder});
        const k = ladder.length;
        const inA = ids(a);
        const inB = ids(b);
        expect(m.rowTotals.slice(0, k).reduce((s, x) => s + x, 0)).toBe(a.length);
        expect(m.columnTotals.slice(0, k).reduce((s, x) => s + x, 0)).toBe(b.length);
        expect(m.columnTotals[k]).toBe(a.filter((r) => !inB.has(r.id)).length);
        expect(m.rowTotals[k]).toBe(b.filter((r) => !inA.has(r.id)).length);
        const r = migrationRates(m);
        if (a.length) expect(r.stayed.rate! + r.upgraded.rate! + r.downgraded.rate! + r.exited.rate!).toBeCloseTo(1, 12);
        if (b.length) expect(r.entered.rate! + (b.length - r.entered.count) / b.length).toBeCloseTo(1, 12);
      })
    );
  });

  it("groups partition the whole matrix", () => {
    fc.assert(
      fc.property(period, period, (a, b) => {
        const whole = transitionMatrix(a, b, {states: ladder});
        const groups = byGroup(a, b, "branch", {states: ladder});
        const sum = whole.counts.map((row, i) => row.map((_, j) => groups.reduce((s, g) => s + g.matrix.counts[i][j], 0)));
        expect(sum).toEqual(whole.counts);
        for (let g = 1; g < groups.length; ++g) expect(groups[g - 1].netUpgrades).toBeGreaterThanOrEqual(groups[g].netUpgrades);
      })
    );
  });

  it("the sankey graph is acyclic and its node totals reconcile with its links", () => {
    fc.assert(
      fc.property(fc.array(period, {minLength: 1, maxLength: 4}), (records) => {
        const periods = records.map((r, p) => ({period: `2025Q${p + 1}`, records: r}));
        const g = sankeyGraph(periods, {states: ladder});
        expect(isAcyclic(g)).toBe(true);
        const inflow = new Map<string, number>();
        const outflow = new Map<string, number>();
        for (const l of g.links) {
          expect(l.value).toBeGreaterThan(0);
          inflow.set(l.target, (inflow.get(l.target) ?? 0) + l.value);
          outflow.set(l.source, (outflow.get(l.source) ?? 0) + l.value);
        }
        const last = periods[periods.length - 1].period;
        const first = periods[0].period;
        for (const n of g.nodes) {
          if (n.state === "new") expect(outflow.get(n.id)).toBe(n.clients);
          else if (n.state === "exited") expect(inflow.get(n.id)).toBe(n.clients);
          else {
            if (n.period !== first) expect(inflow.get(n.id) ?? 0).toBe(n.clients);
            if (n.period !== last) expect(outflow.get(n.id) ?? 0).toBe(n.clients);
          }
        }
        periods.forEach(({period, records: r}) => {
          const tiers = g.nodes.filter((n) => n.period === period && n.state !== "new" && n.state !== "exited");
          expect(tiers.reduce((s, n) => s + n.clients, 0)).toBe(r.length);
        });
      })
    );
  });

  it("a projection keeps every client: projected + exited = current + entries", () => {
    fc.assert(
      fc.property(period, period, fc.array(fc.integer({min: 0, max: 1000}), {minLength: 4, maxLength: 4}), (a, b, counts) => {
        const m = transitionMatrix(a, b, {states: ladder});
        const mix = Object.fromEntries(ladder.map((s, i) => [s, counts[i]]));
        const p = projectNext(m, mix);
        const current = counts.reduce((s, x) => s + x, 0);
        expect(p.total + p.exited).toBeCloseTo(current + p.entered, 6);
      })
    );
  });
});
