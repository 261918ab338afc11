// The rule language's SQL back-end on a real PostgreSQL: the same random rule
// sets and rows as test/segmentation/rules/backends.test.ts (NULL, NaN, '',
// values on thresholds), the same answers as the JS back-end and the oracle.

import fc from "fast-check";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openEngine, type Engine} from "../../loaders/engine/engine.js";
import {postgresUnavailable, startPostgres, type TestPostgres} from "../engine/postgresServer.js";
import {data, expectBackendsAgree, ruleSet} from "../support/ruleCases.js";

const unavailable = postgresUnavailable();

describe.skipIf(unavailable)("the SQL back-end of the rule language on PostgreSQL", () => {
  let server: TestPostgres;
  let pg: Engine;
  beforeAll(async () => {
    server = await startPostgres();
    pg = await openEngine("postgres", {postgres: {host: server.host, port: server.port, user: server.user, database: server.database, schema: "seg_rules"}});
  }, 120_000);
  afterAll(() => {
    pg?.close();
    server?.stop();
  });

  it("gives every row the JS back-end's and the oracle's tier", async () => {
    let decided = 0;
    await fc.assert(
      fc.asyncProperty(ruleSet, data, fc.array(fc.boolean(), {minLength: 30, maxLength: 30}), async (sources, rows, dropNulls) => {
        decided += (await expectBackendsAgree(pg, sources, rows, dropNulls)).decided;
      }),
      {seed: 20242, numRuns: 150}
    );
    expect(decided).toBeGreaterThan(200);
  }, 300_000);
});
