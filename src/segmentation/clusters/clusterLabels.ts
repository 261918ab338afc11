import type {KmeansConfig, Label} from "../../config/schema.js";
import type {ClusterModel} from "./types.js";

const words = {
  high: {zh: "高", en: "high"},
  mid: {zh: "中等", en: "mid"},
  low: {zh: "低", en: "low"},
};

function lowerFirst(text: string): string {
  // keep acronyms (AUM, POS) as they are
  return /^[A-Z][A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A descriptive label per cluster from its centre's z-scores: the features that
 * set it most apart from the average client (largest |z|), each with high / low
 * (or mid when |z| < threshold), e.g. "高日均资产·低交易笔数" /
 * "High average daily AUM · low transactions". Two features by default; when two
 * clusters would share a label, both take their next most distinctive feature,
 * and as a last resort a number.
 */
export function clusterLabels(model: Pick<ClusterModel, "centroids" | "features">, features: readonly Pick<KmeansConfig["features"][number], "feature" | "label">[], {size = 2, threshold = 0.25}: {size?: number; threshold?: number} = {}): Label[] {
  const labelOf = new Map(features.map((f) => [f.feature, f.label]));
  const d = model.features.length;
  const ranked = model.centroids.map((z) =>
    z.map((_, j) => j).sort((a, b) => Math.abs(z[b]) - Math.abs(z[a]) || a - b)
  );
  const describe = (c: number, count: number): Label => {
    const parts = ranked[c].slice(0, count).map((j) => {
      const z = model.centroids[c][j];
      const word = z >= threshold ? words.high : z <= -threshold ? words.low : words.mid;
      const label = labelOf.get(model.features[j].feature) ?? {zh: model.features[j].feature, en: model.features[j].feature};
      return {zh: `${word.zh}${label.zh}`, en: `${word.en} ${lowerFirst(label.en)}`};
    });
    return {zh: parts.map((p) => p.zh).join("·"), en: upperFirst(parts.map((p) => p.en).join(" · "))};
  };
  const counts = model.centroids.map(() => Math.min(size, d));
  let labels = counts.map((n, c) => describe(c, n));
  for (;;) {
    const seen = new Map<string, number[]>();
    labels.forEach((l, c) => seen.set(l.en, [...(seen.get(l.en) ?? []), c]));
    const clashes = [...seen.values()].filter((cs) => cs.length > 1);
    const growable = clashes.flat().filter((c) => counts[c] < d);
    if (!growable.length) {
      // features exhausted: number the remaining twins
      for (const cs of clashes) for (const c of cs) labels[c] = {zh: `${labels[c].zh}（${c + 1}）`, en: `${labels[c].en} (${c + 1})`};
      return labels;
    }
    for (const c of growable) counts[c]++;
    labels = counts.map((n, c) => describe(c, n));
  }
}
