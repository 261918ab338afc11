import {studentTQuantile} from "./studentT.js";

export interface DiffInDifferencesResult {
  /** Mean AUM change of treated members minus that of control members: the campaign's effect per treated member. */
  perMember: number | undefined;
  /** Welch standard error of perMember. */
  se: number | undefined;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number | undefined;
  ci: [number, number] | undefined;
  treatedMean: number | undefined;
  controlMean: number | undefined;
  treatedN: number;
  controlN: number;
  /** perMember × treated members, with its interval scaled the same way. */
  incrementalAum: {total: number | undefined; ci: [number, number] | undefined};
  confidence: number;
}

/**
 * Difference in differences on member-level AUM changes (post − pre): the
 * treated group's mean change minus the control group's. Randomisation makes
 * the control change what the treated would have seen anyway; subtracting it
 * removes market moves and seasonality. The interval uses Welch's standard
 * error (no equal-variance assumption: campaigns change the spread of AUM
 * too) and Student's t with Welch–Satterthwaite degrees of freedom.
 * Non-finite deltas are skipped. Needs two members per group for an interval.
 */
export function diffInDifferences(
  treatedDeltas: readonly number[],
  controlDeltas: readonly number[],
  {confidence = 0.95}: {confidence?: number} = {}
): DiffInDifferencesResult {
  if (!(confidence > 0 && confidence < 1)) throw new Error(`invalid confidence: ${confidence}`);
  const t = moments(treatedDeltas);
  const c = moments(controlDeltas);
  const perMember = t.n > 0 && c.n > 0 ? t.mean - c.mean : undefined;
  let se: number | undefined;
  let df: number | undefined;
  let ci: [number, number] | undefined;
  if (perMember !== undefined && t.n > 1 && c.n > 1) {
    const vt = t.variance / t.n;
    const vc = c.variance / c.n;
    se = Math.sqrt(vt + vc);
    // With no spread at all the difference is exact; df falls back to the pooled count.
    df = se > 0 ? (vt + vc) ** 2 / (vt ** 2 / (t.n - 1) + vc ** 2 / (c.n - 1)) : t.n + c.n - 2;
    const half = se > 0 ? studentTQuantile(1 - (1 - confidence) / 2, df) * se : 0;
    ci = [perMember - half, perMember + half];
  }
  return {
    perMember,
    se,
    df,
    ci,
    treatedMean: t.n > 0 ? t.mean : undefined,
    controlMean: c.n > 0 ? c.mean : undefined,
    treatedN: t.n,
    controlN: c.n,
    incrementalAum: {
      total: perMember === undefined ? undefined : perMember * t.n,
      ci: ci && [ci[0] * t.n, ci[1] * t.n],
    },
    confidence,
  };
}

/** Mean and sample variance in one pass (Welford), skipping non-finite values. */
function moments(values: readonly number[]): {n: number; mean: number; variance: number} {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    const delta = value - mean;
    mean += delta / ++n;
    m2 += delta * (value - mean);
  }
  return {n, mean, variance: n > 1 ? m2 / (n - 1) : 0};
}
