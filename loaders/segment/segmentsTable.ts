// The `segments` table, named once: one row per client and quarter with the
// place, the AUM, a tier column per classification, RFM and the cluster.
// Writers build rows by column name (rowInOrder); the order below is the
// table's (and segments.parquet's) column order.

import type {Config} from "../../src/config/schema.js";
import {double} from "../engine/dialect.js";

export interface SegmentsColumn {
  name: string;
  /** Portable SQL type. */
  type: string;
}

/** The column of a classification's tier. */
export const tierColumn = (classification: string) => `tier_${classification}`;

export function segmentsSchema(config: Pick<Config, "classifications">): SegmentsColumn[] {
  const text = (name: string) => ({name, type: "VARCHAR"});
  const integer = (name: string) => ({name, type: "INTEGER"});
  return [
    text("client_pid"),
    text("quarter"),
    text("client_type"),
    text("region"),
    text("parent_branch"),
    text("branch_id"),
    {name: "aum", type: double},
    ...config.classifications.map((c) => text(tierColumn(c.id))),
    integer("rfm_r"),
    integer("rfm_f"),
    integer("rfm_m"),
    integer("rfm_fm"),
    text("rfm_segment"),
    integer("cluster"),
  ];
}

/** Values by column name, in the table's order; columns not given are `absent` (NULL). A name the table lacks throws. */
export function rowInOrder<T>(schema: readonly SegmentsColumn[], values: Readonly<Record<string, T>>, absent: T): T[] {
  for (const name of Object.keys(values)) if (!schema.some((c) => c.name === name)) throw new Error(`invalid segments column: ${name}`);
  return schema.map((c) => (Object.hasOwn(values, c.name) ? values[c.name] : absent));
}
