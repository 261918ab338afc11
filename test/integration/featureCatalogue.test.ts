// The feature catalogue (src/config/features.ts) is the one list of what a
// configuration may name; the configuration check and the rule compiler type
// every rule from it. Here it is held equal to the tables the features stage
// really writes, column by column and type by type, on the demo bank.

import path from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {ensurePipeline} from "../../loaders/pipeline/ensure.js";
import {columnKind} from "../../loaders/segment/segmentSql.js";
import {featureCatalogue, featureNames, featuresOf, type FeatureCatalogue, type FeatureRecords} from "../../src/config/features.js";

// Keys and periods: columns of the tables, not features a rule may read.
const keys = ["client_pid", "quarter", "client_type", "month", "m_pos"];
const tables: Record<FeatureRecords, string> = {retail: "features", corporate: "corporate_features", monthly: "monthly_aum"};

let columns: Record<FeatureRecords, Record<string, string>>;
/** The built-in features and the default configuration's own. */
let catalogue: FeatureCatalogue;
beforeAll(async () => {
  const {dir, config} = await ensurePipeline({quiet: true});
  catalogue = featureCatalogue(config);
  const engine = await openDuckDb();
  const read = async (table: string) =>
    Object.fromEntries(
      (await engine.all<{column_name: string; column_type: string}>(`DESCRIBE SELECT * FROM '${path.join(dir, `${table}.parquet`)}'`))
        .filter((c) => !keys.includes(c.column_name))
        .map((c) => [c.column_name, columnKind(c.column_type)])
    );
  columns = {retail: await read(tables.retail), corporate: await read(tables.corporate), monthly: await read(tables.monthly)};
  engine.close();
}, 600_000);

describe("the feature catalogue", () => {
  for (const records of ["retail", "corporate", "monthly"] as const) {
    it(`lists exactly the ${records} features the features stage writes, with their types, the configuration's own included`, () => {
      const listed = featuresOf(records, catalogue).filter((name) => !catalogue[name].derived);
      expect(Object.fromEntries(listed.map((name) => [name, catalogue[name].type]))).toEqual(columns[records]);
    });
  }

  it("has the default configuration's own features after the built-in ones", () => {
    expect(Object.keys(columns.retail).slice(-6)).toEqual(["annual_revenue", "aum_growth", "product_growth", "deposits_per_year", "deposit_amount", "deposit_term_months"]);
    expect(Object.keys(catalogue).filter((name) => catalogue[name].own)).toEqual(Object.keys(columns.retail).slice(-6));
  });

  it("marks as derived only what segmentation adds: the value history and the size class", () => {
    expect(Object.keys(featureNames).filter((name) => featureNames[name].derived)).toEqual(["was_value_client", "quarters_below_value", "size_class"]);
  });
});
