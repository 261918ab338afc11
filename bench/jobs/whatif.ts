// Child job: what the Explore page recomputes in the browser when an analyst
// moves a threshold, on an n-client sample, with the same src/segmentation code:
// compile the tier rules and classify every client in two quarters, tier sizes,
// assign clusters with a model trained on a 5,000-client sample, the cluster ×
// tier table, and the tier migration matrix between the two quarters.
//   tsx bench/jobs/whatif.ts <clients> <warm repetitions>
// The first recompute is cold (fresh compile, JIT not warm), as the first
// slider move after the page loads; later ones show steady state.

import type {Classification} from "../../src/config/schema.js";
import {contingencyTable} from "../../src/segmentation/agreement/index.js";
import {assignClusters, fitClusters, type ClusterModel} from "../../src/segmentation/clusters/index.js";
import {transitionMatrix, type MigrationRecord} from "../../src/segmentation/migration/index.js";
import {featureNames} from "../../src/config/features.js";
import {classifier, compileRules} from "../../src/segmentation/rules/index.js";
import type {ClientPeriod} from "../../src/segmentation/types.js";
import {syntheticClients} from "../synthetic.js";
import {defaults, retailClassifications} from "./defaults.js";
import {reportResult, timed} from "./report.js";

const n = Number(process.argv[2] ?? 50_000);
const repetitions = Number(process.argv[3] ?? 20);
const retrainSample = 5_000;
const migration = defaults.migration.classification;

const earlier = syntheticClients(n, {seed: 3});
// The later quarter: the same clients, AUM and activity moved a little, every 50th gone.
const later = syntheticClients(n, {seed: 3, drift: 0.15}).filter((_, i) => i % 50 !== 49);

// An analyst's edit: the gold line moves from 200,000 to 250,000 (a new configuration object each time).
const edited = (threshold: number): Classification[] =>
  retailClassifications.map((c) =>
    c.id !== migration ? c : {...c, tiers: c.tiers.map((t) => (t.id === "gold" && t.when && "value" in t.when ? {...t, when: {...t.when, value: threshold}} : t))}
  );

const retrain = timed(() => fitClusters(later, {...defaults.kmeans, sampleSize: retrainSample}));
const model = retrain.value;

const compileClassifications = (classifications: readonly Classification[]) => classifier(compileRules(classifications, {features: featureNames}));

function recompute(classifications: readonly Classification[], model: ClusterModel) {
  const compiled = compileClassifications(classifications);
  const slot = compiled.ids.indexOf(migration);
  const ladder = compiled.tiers[slot];
  const classifyQuarter = (records: readonly ClientPeriod[]) => {
    const codes = new Int32Array(compiled.ids.length);
    const tiers = new Array<string>(records.length);
    const sizes = compiled.tiers.map((t) => new Array<number>(t.length).fill(0));
    for (let i = 0; i < records.length; ++i) {
      compiled.codes(records[i], codes);
      for (let s = 0; s < codes.length; ++s) sizes[s][codes[s]]++;
      tiers[i] = ladder[codes[slot]];
    }
    return {tiers, sizes};
  };
  const before = classifyQuarter(earlier);
  const after = classifyQuarter(later);
  const clusters = assignClusters(model, later);
  const table = contingencyTable(clusters, after.tiers, {cols: ladder});
  const migrationRecords = (records: readonly ClientPeriod[], tiers: string[]): MigrationRecord[] =>
    records.map((r, i) => ({id: r.client_pid as string, state: tiers[i], aum: r.avg_daily_aum as number}));
  const matrix = transitionMatrix(migrationRecords(earlier, before.tiers), migrationRecords(later, after.tiers), {states: [...ladder].reverse()});
  return {sizes: after.sizes, table, matrix};
}

const cold = timed(() => recompute(edited(250_000), model));
const warm: number[] = [];
for (let r = 0; r < repetitions; ++r) warm.push(timed(() => recompute(edited(200_000 + 10_000 * (r % 10)), model)).seconds);
const sorted = warm.slice().sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)] ?? cold.seconds;

// One warm recompute broken into its parts, to say where the time goes.
const parts = (() => {
  const classifications = edited(230_000);
  const compile = timed(() => compileClassifications(classifications));
  const classify = timed(() => {
    const codes = new Int32Array(compile.value.ids.length);
    for (const r of earlier) compile.value.codes(r, codes);
    for (const r of later) compile.value.codes(r, codes);
  });
  const assign = timed(() => assignClusters(model, later));
  const tiers = later.map((r) => compile.value(r)[migration]);
  const table = timed(() => contingencyTable(assign.value, tiers));
  const states = [...compile.value.tiers[compile.value.ids.indexOf(migration)]].reverse();
  const from = earlier.map((r) => ({id: r.client_pid as string, state: compile.value(r)[migration], aum: r.avg_daily_aum as number}));
  const to = later.map((r, i) => ({id: r.client_pid as string, state: tiers[i], aum: r.avg_daily_aum as number}));
  const matrix = timed(() => transitionMatrix(from, to, {states}));
  return {compile: compile.seconds, classifyBothQuarters: classify.seconds, assignClusters: assign.seconds, contingencyTable: table.seconds, transitionMatrix: matrix.seconds};
})();

reportResult({
  clients: n,
  laterClients: later.length,
  retrainSample,
  retrainSeconds: retrain.seconds,
  coldSeconds: cold.seconds,
  medianSeconds: median,
  maxWarmSeconds: sorted.at(-1),
  repetitions,
  parts,
  seconds: cold.seconds,
  tierSizes: cold.value.sizes[retailClassifications.findIndex((c) => c.id === migration)],
  movers: cold.value.matrix.counts.reduce((s, row, i) => s + row.reduce((t, v, j) => t + (i === j ? 0 : v), 0), 0),
});
