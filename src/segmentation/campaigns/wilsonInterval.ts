import {zCritical} from "./normalQuantile.js";

export interface Proportion {
  n: number;
  successes: number;
}

/** Checks a count pair once, at the door. */
export function checkProportion(name: string, {n, successes}: Proportion): void {
  if (!(Number.isInteger(n) && n >= 0 && Number.isInteger(successes) && successes >= 0 && successes <= n)) {
    throw new Error(`invalid ${name}: ${successes}/${n}`);
  }
}

/**
 * Wilson score interval for one proportion. Unlike the Wald interval it stays
 * inside [0, 1] and keeps a width when successes are 0 or n — common for
 * small branches and rare outcomes. Undefined for n = 0.
 */
export function wilsonInterval(proportion: Proportion, {confidence = 0.95}: {confidence?: number} = {}): [number, number] | undefined {
  checkProportion("proportion", proportion);
  const {n, successes} = proportion;
  if (n === 0) return undefined;
  const z = zCritical(confidence);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // Clamp float dust: at p = 0 the lower bound is exactly 0.
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
