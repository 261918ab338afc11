// A seeded generator for simulations in these tests (mulberry32), so that the
// coverage checks give the same answer on every run.
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
