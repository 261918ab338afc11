// The feature catalogue (src/config/features.ts) is the one list of what a
// configuration may name; the configuration check and the rule compiler type
// every rule from it. Here it is held equal to the tables the features stage
// really writes, column by column and type by type, on the demo bank.

import path from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {openDuckDb} from "../../loaders/engine/duckdb.js";
import {ensurePipeline} from "../../loaders/pipeline/ensure.js";
import {columnKind} from "../../loaders/segment/segmentSql.js";
import {featureNames, featuresOf, type FeatureRecords} from "../../src/config/features.js";

// Keys and periods: columns of the tables, not features a rule may read.
const keys = ["client_pid", "quarter", "client_type", "month", "m_pos"];
const tables: Record<FeatureRecords, string> = {retail: "features", corporate: "corporate_features", monthly: "monthly_aum"};

let columns: Record<FeatureRecords, Record<string, string>>;
beforeAll(async () => {
  const {dir} = await ensurePipeline({quiet: true});
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
    it(`lists exactly the ${records} features the features stage writes, with their types`, () => {
      const listed = featuresOf(records).filter((name) => !featureNames[name].derived);
      expect(Object.fromEntries(listed.map((name) => [name, featureNames[name].type]))).toEqual(columns[records]);
    });
  }

  it("marks as derived only what segmentation adds: the value history and the size class", () => {
    expect(Object.keys(featureNames).filter((name) => featureNames[name].derived)).toEqual(["was_value_client", "quarters_below_value", "size_class"]);
  });
});
