// Simulation helpers for these tests, on the core's own seeded generator, so
// that the coverage checks give the same answer on every run.
import {seededRandom} from "../../../src/segmentation/random.js";

export const seeded = seededRandom;

export function binomial(random: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; ++i) if (random() < p) k += 1;
  return k;
}

export function normal(random: () => number, mean = 0, sd = 1): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  const u = 1 - random();
  const v = random();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
