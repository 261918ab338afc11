// Test and benchmark support: every record in every classification,
// column-wise, through the JS back-end (the pipeline runs the rules as SQL).

import {featureNames} from "../../src/config/features.js";
import {classifier, compileRules, rankIndex, rankedFeatures, type FeatureCatalogue, type LadderSource} from "../../src/segmentation/rules/index.js";
import type {ClientPeriod} from "../../src/segmentation/types.js";

/**
 * For each classification its tier ids and one tier index per record
 * (Uint8Array: ladders have < 256 tiers). The records are one period: {feature,
 * top} rules rank among them.
 */
export function classifyMany(
  records: readonly ClientPeriod[],
  classifications: readonly LadderSource[],
  {features = featureNames}: {features?: FeatureCatalogue} = {}
): Record<string, {tiers: readonly string[]; codes: Uint8Array}> {
  const ladders = compileRules(classifications, {features});
  const classify = classifier(ladders, {ranks: rankIndex(records, rankedFeatures(ladders))});
  const m = classify.ids.length;
  const columns = classify.ids.map(() => new Uint8Array(records.length));
  const out = new Int32Array(m);
  for (let i = 0; i < records.length; ++i) {
    classify.codes(records[i], out);
    for (let s = 0; s < m; ++s) columns[s][i] = out[s];
  }
  const result: Record<string, {tiers: readonly string[]; codes: Uint8Array}> = {};
  classify.ids.forEach((id, s) => (result[id] = {tiers: classify.tiers[s], codes: columns[s]}));
  return result;
}
