// Synthetic clients in well-separated groups, for clustering tests.
import {seededRandom} from "../../../src/segmentation/random.js";

export function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** n clients around `centres` (in x, y, z), spread `sd`; `group` is the planted truth. */
export function blobs(n: number, centres: number[][], {sd = 1, seed = 1} = {}) {
  const random = seededRandom(seed);
  const normal = gaussian(random);
  return Array.from({length: n}, (_, i) => {
    const group = i % centres.length;
    const [x, y, z] = centres[group].map((c) => c + sd * normal());
    return {client_pid: `c${String(i).padStart(6, "0")}`, x, y, z, group};
  });
}

export const xyz = [
  {feature: "x", transform: "none" as const, label: {zh: "资产", en: "AUM"}},
  {feature: "y", transform: "none" as const, label: {zh: "活跃", en: "Activity"}},
  {feature: "z", transform: "none" as const, label: {zh: "产品", en: "Products"}},
];
