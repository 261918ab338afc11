// Child job: the rule engine and RFM scoring at scale — classifyMany with the
// default retail classifications on 2 M records, rfmScores on 1 M.
//   tsx bench/jobs/segmentRules.ts <tierRecords> <rfmRecords>

import {rfmFeatures, rfmScores} from "../../src/segmentation/rfm/index.js";
import {classifyMany} from "../../test/support/classifyMany.js";
import {syntheticClients} from "../synthetic.js";
import {defaults, retailClassifications} from "./defaults.js";
import {reportResult, timed} from "./report.js";

const tierCount = Number(process.argv[2] ?? 2_000_000);
const rfmCount = Number(process.argv[3] ?? 1_000_000);
const records = syntheticClients(Math.max(tierCount, rfmCount), {seed: 11});
const tiers = timed(() => classifyMany(records.length === tierCount ? records : records.slice(0, tierCount), retailClassifications));
const rfm = timed(() => rfmScores(records.length === rfmCount ? records : records.slice(0, rfmCount), rfmFeatures(defaults.rfm)));

const retailTier = tiers.value[retailClassifications[0].id];
const sizes = Object.fromEntries(retailTier.tiers.map((t, i) => [t, retailTier.codes.filter((c) => c === i).length]));
reportResult({tierRecords: tierCount, rfmRecords: rfmCount, classifyManySeconds: tiers.seconds, rfmSeconds: rfm.seconds, seconds: tiers.seconds + rfm.seconds, retailTierSizes: sizes, classifications: retailClassifications.map((c) => c.id)});
