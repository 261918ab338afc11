// Segments page data: official tiers beside behavioural clusters and RFM
// segments, per quarter and region (region "*" = the whole bank).

import type {Config} from "../../src/config/schema.js";
import type {DuckDbEngine} from "../engine/duckdb.js";
import {retailLadder} from "../segment/definitions.js";
import {double, exactMean, exactSum} from "../engine/dialect.js";
import type {SegmentationModel} from "../segment/model.js";
import {adjustedRandIndexOfTable, normalizedMutualInfoOfTable} from "../../src/segmentation/agreement/index.js";
import {complementaryHidden, regionTierLines} from "../../src/segmentation/privacy/index.js";
import {featureCatalogue} from "../../src/config/features.js";

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

  /** Each classification's tiers by quarter and region: clients and AUM (average daily deposits for corporates). */
  const classificationRows = async (clientType: "retail" | "corporate", list: {id: string}[]) => {
    const rows: TierRow[] = [];
    for (const c of list) {
      rows.push(
        ...(await engine.all<TierRow>(`
      ${byQuarterAndRegion(`'${c.id}' AS classification, tier_${c.id} AS tier, COUNT(*) AS clients, ${exactSum("aum")} AS aum`, `(SELECT * FROM segments WHERE client_type = '${clientType}') s`, `tier_${c.id}`)}
      ORDER BY 1, 2, 4`))
      );
    }
    return rows;
  };
  const tiersOf = (type: "retail" | "corporate") => config.classifications.filter((c) => c.appliesTo === type).map((c) => ({id: c.id, tiers: c.tiers.map((t) => t.id)}));
  const corporate = tiersOf("corporate");
  const corporateTiers = await classificationRows("corporate", corporate);
  // The retail classifications besides the official ladder (value, activity,
  // churn, contribution, deposit behaviour, …), with small cells' complements
  // hidden: a region's clients and the bank-wide cell are published beside them.
  const retailClassifications = tiersOf("retail").filter((c) => c.id !== ladder.classification);
  const retailTiers = withComplementsHidden(await classificationRows("retail", retailClassifications), retailClassifications, config.privacy.suppressionThreshold);

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
    // names and units of what clusters, rules and profiles show: built-in and the bank's own
    featureNames: featuresShown(config),
    currency: config.bank.currency ?? null,
    rfmSegmentOrder: config.rfm.segments.map((s) => s.id),
    corporateClassifications: corporate,
    retailClassifications,
    retailTiers,
    tierCounts: tiers,
    clusterCounts: clusters,
    crossTab,
    rfmGrid,
    rfmSegments,
    profiles,
    corporateTiers,
  };
}

interface TierRow {
  quarter: string;
  region: string;
  classification: string;
  tier: string;
  clients: number | null;
  aum: number | null;
  suppressed?: true;
}

/**
 * Hides, per quarter and classification, the small cells of the region × tier
 * table and the cells that would give them back by subtraction
 * (src/segmentation/privacy/complementary.ts); the publish step's own pass
 * then finds nothing small left in them.
 */
function withComplementsHidden(rows: TierRow[], classifications: {id: string; tiers: string[]}[], threshold: number): TierRow[] {
  const out = rows.map((r) => ({...r}));
  const groups = new Map<string, TierRow[]>();
  for (const r of out) {
    const key = `${r.quarter}|${r.classification}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  for (const group of groups.values()) {
    const tiers = classifications.find((c) => c.id === group[0].classification)!.tiers;
    const regions = [...new Set(group.map((r) => r.region).filter((r) => r !== allRegions))].sort();
    const cell = (region: string, tier: string) => group.find((r) => r.region === region && r.tier === tier);
    const order = [...regions, allRegions];
    const counts = order.map((region) => tiers.map((tier) => Number(cell(region, tier)?.clients ?? 0)));
    const hidden = complementaryHidden(counts, {threshold, lines: regionTierLines(regions.length, tiers.length)});
    order.forEach((region, i) =>
      tiers.forEach((tier, j) => {
        const row = cell(region, tier);
        if (hidden[i][j] && row) Object.assign(row, {clients: null, aum: null, suppressed: true});
      })
    );
  }
  return out;
}

/** Label and unit of every feature the segments page names (k-means features, rule features), from the one catalogue. */
function featuresShown(config: Config) {
  const catalogue = featureCatalogue(config);
  const names = new Set(config.kmeans.features.map((f) => f.feature));
  return Object.fromEntries([...names].filter((n) => catalogue[n]).map((n) => [n, {zh: catalogue[n].zh, en: catalogue[n].en, unit: catalogue[n].unit}]));
}
