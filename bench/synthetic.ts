// Seeded synthetic retail clients for the in-memory benchmarks: a few
// behavioural groups ("blobs") on the six default k-means features, drawn on
// the log scale k-means sees, plus the fields the default retail tier rules
// read. Nothing here is meant to look like the demo bank; it only has to give
// k-means real structure and the rule engine every branch to walk.

import {seededRandom} from "../src/segmentation/random.js";
import type {ClientPeriod} from "../src/segmentation/types.js";

interface Group {
  share: number;
  /** Centre of log1p(value) for the log1p features, and the plain mean of product_count. */
  aum: number;
  monetary: number;
  frequency: number;
  recency: number;
  products: number;
  tenure: number;
}

// Centres on the log1p scale: e.g. aum 10 ≈ 22,000 CNY, 13 ≈ 440,000, 15.5 ≈ 5.4 M.
const groups: Group[] = [
  {share: 0.34, aum: 10.0, monetary: 9.0, frequency: 2.2, recency: 2.5, products: 2, tenure: 4.2}, // mass, steady
  {share: 0.2, aum: 13.0, monetary: 11.0, frequency: 2.5, recency: 2.2, products: 4, tenure: 4.6}, // affluent
  {share: 0.05, aum: 15.5, monetary: 12.5, frequency: 2.8, recency: 2.0, products: 5, tenure: 4.9}, // private banking
  {share: 0.2, aum: 7.5, monetary: 4.0, frequency: 0.4, recency: 5.6, products: 1, tenure: 4.4}, // dormant
  {share: 0.13, aum: 10.5, monetary: 10.5, frequency: 3.8, recency: 0.8, products: 3, tenure: 3.0}, // digital, busy
  {share: 0.08, aum: 9.0, monetary: 7.5, frequency: 1.5, recency: 2.8, products: 1, tenure: 1.3}, // new
];

const spread = 0.45; // sd of every log feature around its group centre

function normal(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function pickGroup(u: number): number {
  let acc = 0;
  for (let g = 0; g < groups.length; ++g) if (u < (acc += groups[g].share)) return g;
  return groups.length - 1;
}

const regions = ["华东", "华南", "华北", "西部"];

/**
 * `n` client records of one quarter, deterministic in (n, seed). Client i is the
 * same person in every call with the same seed; `drift` > 0 moves AUM and
 * activity a little (a later quarter for migration).
 */
export function syntheticClients(n: number, {seed = 1, drift = 0}: {seed?: number; drift?: number} = {}): ClientPeriod[] {
  const random = seededRandom(seed);
  const gauss = normal(random);
  const move = normal(seededRandom(seed ^ 0x5bd1e995));
  const out = new Array<ClientPeriod>(n);
  for (let i = 0; i < n; ++i) {
    const g = groups[pickGroup(random())];
    const shift = drift ? drift * move() : 0;
    const aum = Math.expm1(Math.max(0, g.aum + spread * gauss() + shift));
    const monetary = Math.expm1(Math.max(0, g.monetary + spread * gauss() + shift));
    const frequency = Math.round(Math.expm1(Math.max(0, g.frequency + spread * gauss() + shift / 2)));
    const recency = Math.round(Math.expm1(Math.max(0, g.recency + spread * gauss())));
    const products = Math.max(0, Math.min(8, Math.round(g.products + 0.8 * gauss())));
    const tenure = Math.max(1, Math.round(Math.expm1(g.tenure + spread * gauss())));
    const lastMonth = aum * (1 + 0.1 * gauss());
    out[i] = {
      client_pid: `P${String(i).padStart(9, "0")}`,
      region: regions[i % regions.length],
      avg_daily_aum: aum,
      aum_last_month: Math.max(0, lastMonth),
      monetary,
      frequency,
      recency_days: recency,
      days_since_last_txn: recency,
      product_count: products,
      tenure_months: tenure,
      is_closed: random() < 0.01,
      was_value_client: aum >= 100_000 || random() < 0.05,
      quarters_below_value: aum >= 100_000 ? 0 : Math.floor(random() * 4),
    };
  }
  return out;
}
