import {describe, expect, it} from "vitest";
import {rowInOrder, segmentsSchema, tierColumn} from "../../loaders/segment/segmentsTable.js";

describe("the segments table, named once", () => {
  const schema = segmentsSchema({classifications: [{id: "retail_tier"}, {id: "enterprise_size"}] as never});

  it("puts a tier column per classification between the AUM and RFM", () => {
    expect(schema.map((c) => c.name)).toEqual([
      "client_pid", "quarter", "client_type", "region", "parent_branch", "branch_id", "aum",
      "tier_retail_tier", "tier_enterprise_size", "rfm_r", "rfm_f", "rfm_m", "rfm_fm", "rfm_segment", "cluster",
    ]);
    expect(tierColumn("churn")).toBe("tier_churn");
  });

  it("builds rows by column name: absent columns are NULL, an unknown name throws", () => {
    const row = rowInOrder<unknown>(schema, {cluster: 3, client_pid: "p1", [tierColumn("enterprise_size")]: "large"}, null);
    expect(row).toEqual(["p1", null, null, null, null, null, null, null, "large", null, null, null, null, null, 3]);
    expect(() => rowInOrder(schema, {rfm_score: 1}, null)).toThrow("invalid segments column: rfm_score");
  });
});
