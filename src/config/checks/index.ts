// Checks beyond the schema: relations between fields that zod cannot express.

import type {ConfigIssue} from "../issue.js";
import {checkCampaigns} from "./campaigns.js";
import {checkClassifications} from "./classifications.js";
import {checkEnterpriseSize} from "./enterpriseSize.js";
import {checkExtract, type ContractColumns} from "./extract.js";
import {checkFeatures} from "./features.js";
import {isRecord} from "./input.js";
import {checkKmeans} from "./kmeans.js";
import {checkLadders} from "./ladder.js";
import {checkPrivacy} from "./privacy.js";
import {checkRfm} from "./rfm.js";
import {checkRules} from "./rules.js";
import type {FeatureName} from "../features.js";

export type {ContractColumns};

export interface CheckOptions {
  /** Contract tables and their columns; without it, extract.tables is not checked against the contract. */
  tables?: ContractColumns;
  /** Allowed keys of campaigns.outcomes (the contract's campaign kinds). */
  campaignKinds?: readonly string[];
  /** The features a configuration may name (default: the catalogue in features.ts). */
  features?: Readonly<Record<string, FeatureName>>;
}

export function checkConfig(input: unknown, {tables, campaignKinds, features}: CheckOptions = {}): ConfigIssue[] {
  if (!isRecord(input)) return [];
  return [
    ...checkExtract(input, {tables}),
    ...checkPrivacy(input),
    ...checkClassifications(input),
    ...checkRules(input, {features}),
    ...checkFeatures(input, {features}),
    ...checkLadders(input),
    ...checkEnterpriseSize(input),
    ...checkRfm(input),
    ...checkKmeans(input),
    ...checkCampaigns(input, {campaignKinds}),
  ];
}
