import {wilsonInterval, checkProportion, type Proportion} from "./wilsonInterval.js";

export interface LiftResult {
  treatmentRate: number | undefined;
  controlRate: number | undefined;
  /** treatmentRate − controlRate, in rate points (0.02 = 2 percentage points). */
  lift: number | undefined;
  /** Newcombe's hybrid score interval for the difference. */
  ci: [number, number] | undefined;
  /** lift / controlRate; undefined when the control rate is 0. */
  relativeLift: number | undefined;
  confidence: number;
}

/**
 * Lift of a conversion rate over a randomised control group, with Newcombe's
 * hybrid score interval (method 10 of Newcombe 1998): the two Wilson
 * intervals are combined by squaring distances to each rate. It covers close
 * to its nominal level even for rates of a few percent and groups of a few
 * hundred, where the Wald interval is too narrow, and it never degenerates
 * when a group has 0 successes.
 */
export function proportionLift(
  {treated, control}: {treated: Proportion; control: Proportion},
  {confidence = 0.95}: {confidence?: number} = {}
): LiftResult {
  checkProportion("treated", treated);
  checkProportion("control", control);
  const p1 = treated.n > 0 ? treated.successes / treated.n : undefined;
  const p2 = control.n > 0 ? control.successes / control.n : undefined;
  if (p1 === undefined || p2 === undefined) {
    return {treatmentRate: p1, controlRate: p2, lift: undefined, ci: undefined, relativeLift: undefined, confidence};
  }
  const [l1, u1] = wilsonInterval(treated, {confidence})!;
  const [l2, u2] = wilsonInterval(control, {confidence})!;
  const lift = p1 - p2;
  const lo = lift - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const hi = lift + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  return {treatmentRate: p1, controlRate: p2, lift, ci: [lo, hi], relativeLift: p2 > 0 ? lift / p2 : undefined, confidence};
}
