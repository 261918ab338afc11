// Segments page data: official tiers beside behavioural clusters and RFM
// segments, per quarter and region (region "*" = the whole bank).

import type {Config} from "../../src/config/schema.js";
import type {DuckDbEngine} from "../engine/duckdb.js";
import {retailLadder} from "../segment/definitions.js";
import {double, exactMean, exactSum} from "../engine/dialect.js";
import type {SegmentationModel} from "../segment/model.js";
import {adjustedRandIndexOfTable, normalizedMutualInfoOfTable} from "../../src/segmentation/agreement/index.js";

const allRegions = "*";

/** GROUP BY over quarter × region plus the bank-wide total, in portable SQL. */
function byQuarterAndRegion(select: string, from: string, groupBy: string): string {
  return `
    SELECT quarter, region, ${select} FROM ${from} GROUP BY quarter, region${groupBy ? ", " + groupBy : ""}
    UNION ALL
    SELECT quarter, '${allRegions}' AS region, ${select} FROM ${from} GROUP BY quarter${groupBy ? ", " + groupBy : ""}`;
}

export async function segmentsData(engine: DuckDbEngine, config: Config, model: SegmentationModel) {
  const ladder = retailLadder(config);
  const tierColumn = `tier_${ladder.classification}`;
  const retail = `(SELECT * FROM segments WHERE client_type = 'retail') s`;

  const tiers = await engine.all(`${byQuarterAndRegion(`${tierColumn} AS tier, COUNT(*) AS clients, ${exactSum("aum")} AS aum`, retail, tierColumn)} ORDER BY 1, 2, 3`);
  const clusters = await engine.all(`${byQuarterAndRegion(`cluster, COUNT(*) AS clients, ${exactSum("aum")} AS aum`, retail, "cluster")} ORDER BY 1, 2, 3`);
  const crossTab = await engine.all<Record<string, unknown>>(
    `${byQuarterAndRegion(`cluster, ${tierColumn} AS tier, COUNT(*) AS clients`, retail, `cluster, ${tierColumn}`)} ORDER BY 1, 2, 3, 4`
  );
  const rfmGrid = await engine.all(`${byQuarterAndRegion(`rfm_r AS r, rfm_fm AS fm, COUNT(*) AS clients`, retail, "rfm_r, rfm_fm")} ORDER BY 1, 2, 3, 4`);
  const rfmSegments = await engine.all(
    `${byQuarterAndRegion(`rfm_segment AS segment, COUNT(*) AS clients, ${exactSum("aum")} AS aum`, retail, "rfm_segment")} ORDER BY 1, 2, 3`
  );

  // Cluster profiles in original units: the mean of every clustering feature.
  const features = config.kmeans.features.map((f) => f.feature);
  const profiles = await engine.all(`
    SELECT s.quarter, s.cluster, COUNT(*) AS clients,
           ${features.map((f) => `${exactMean(`CAST(f.${f} AS ${double})`)} AS "${f}"`).join(", ")}
    FROM segments s JOIN features f ON f.client_pid = s.client_pid AND f.quarter = s.quarter
    WHERE s.client_type = 'retail'
    GROUP BY s.quarter, s.cluster ORDER BY 1, 2`);

  const corporate = config.classifications
    .filter((c) => c.appliesTo === "corporate")
    .map((c) => ({id: c.id, tiers: c.tiers.map((t) => t.id)}));
  const corporateTiers = [];
  for (const c of corporate) {
    const rows = await engine.all(`
      ${byQuarterAndRegion(`'${c.id}' AS classification, tier_${c.id} AS tier, COUNT(*) AS clients, ${exactSum("aum")} AS aum`, `(SELECT * FROM segments WHERE client_type = 'corporate') s`, `tier_${c.id}`)}
      ORDER BY 1, 2, 4`);
    corporateTiers.push(...rows);
  }

  // Agreement of clusters with the official ladder, per quarter, on full
  // (unsuppressed) counts: statistics, not cells, so nothing is disclosed.
  const agreement = [...new Set(crossTab.map((d) => d.quarter as string))].map((quarter) => {
    const cells = crossTab.filter((d) => d.quarter === quarter && d.region === allRegions);
    const clusterIds = [...new Set(cells.map((d) => d.cluster as number))].sort((a, b) => a - b);
    const counts = clusterIds.map((c) => ladder.tiers.map((tier) => Number(cells.find((d) => d.cluster === c && d.tier === tier)?.clients ?? 0)));
    return {quarter, ari: adjustedRandIndexOfTable(counts), nmi: normalizedMutualInfoOfTable(counts)};
  });

  return {
    agreement,
    classification: ladder.classification,
    tiers: ladder.tiers,
    clusterLabels: model.clusters.labels,
    clusterTrainedOn: model.clusters.trainedOn,
    diagnostics: model.clusters.diagnostics,
    features: config.kmeans.features,
    rfmSegmentOrder: config.rfm.segments.map((s) => s.id),
    corporateClassifications: corporate,
    tierCounts: tiers,
    clusterCounts: clusters,
    crossTab,
    rfmGrid,
    rfmSegments,
    profiles,
    corporateTiers,
  };
}
