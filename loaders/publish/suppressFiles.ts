// The last gate before a file is published: every count of clients between 1
// and threshold − 1 becomes null (shown as suppressed), together with the
// money that belongs to it, since the AUM of three clients discloses them.
// Then the whole tree is checked again, so a count under a new name that the
// first pass missed fails the build instead of being published.

import {assertNoSmallCounts} from "../../src/segmentation/privacy/index.js";

/** Keys whose numbers count clients. */
export const clientCountKeys = [
  "clients", "count", "n", "successes", "qualified", "treatment", "control", "achievedClients", "targeted",
  "earlier", "later", "retailClients", "corporateClients", "vipClients", "valueClients", "dormantClients",
  "phone", "address", "employer", "complete", "treatedN", "controlN", "counts", "value", "projected",
  "exited", "entered",
] as const;

/** Money that describes the same clients as a count beside it. */
// Numbers that may stay beside a suppressed count: they describe the target or
// the method, not the clients counted. Every other number of a suppressed
// object is blanked too — money, rates, shares, attainment, shortfall costs,
// differences — since any of them could give the count back (attainment ×
// target, rate × base, net − the other count).
const keepKeys = new Set(["targetClients", "target_clients", "targetAum", "target_aum", "k", "threshold", "confidence"]);

const countKeys = new Set<string>(clientCountKeys);

function small(v: unknown, threshold: number): boolean {
  return typeof v === "number" && v >= 1 && v < threshold;
}

function suppressNode(node: unknown, threshold: number): unknown {
  if (Array.isArray(node)) return node.map((x) => suppressNode(x, threshold));
  if (node === null || typeof node !== "object") return node;
  const obj = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let suppressed = false;
  for (const [key, value] of Object.entries(obj)) {
    if (key === "counts" && Array.isArray(value) && Array.isArray(obj.aum)) {
      // A matrix: suppress cell by cell, and the AUM of the same cells.
      const aum = obj.aum as unknown[][];
      out.counts = (value as unknown[][]).map((row) => row.map((c) => (small(c, threshold) ? null : c)));
      out.aum = aum.map((row, i) => row.map((a, j) => (small((value as unknown[][])[i][j], threshold) ? null : a)));
      continue;
    }
    if (key === "aum" && Array.isArray(value) && Array.isArray(obj.counts)) continue; // handled with counts
    if (countKeys.has(key) && small(value, threshold)) {
      out[key] = null;
      suppressed = true;
      continue;
    }
    out[key] = suppressNode(value, threshold);
  }
  if (suppressed) {
    for (const key of Object.keys(out)) if (typeof out[key] === "number" && !keepKeys.has(key)) out[key] = null;
    out.suppressed = true;
  }
  return out;
}

export function publishable<T>(data: T, {threshold, file}: {threshold: number; file: string}): unknown {
  const result = suppressNode(data, threshold);
  try {
    // exited / entered count clients where they are numbers (a projection),
    // but in migration rates they name flows {count, rate, aum}, whose rate of
    // 1 (100%) is not a count: there, only `count` inside is checked.
    const flowKeys = new Set<string>(["exited", "entered"]);
    assertNoSmallCounts(result, {threshold, countFields: clientCountKeys.filter((k) => !flowKeys.has(k))});
    assertNoSmallCounts(numericOnly(result, flowKeys), {threshold, countFields: [...flowKeys]});
  } catch (error) {
    throw new Error(`unsuppressed small count in ${file}.json: ${(error as Error).message}`);
  }
  return result;
}

/** The tree with only the numeric values of `keys` kept (objects under them dropped). */
function numericOnly(node: unknown, keys: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((x) => numericOnly(x, keys));
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>)
      .filter(([k, v]) => !keys.has(k) || typeof v !== "object" || v === null)
      .map(([k, v]) => [k, numericOnly(v, keys)])
  );
}
