// Checks beyond the schema: relations between fields that zod cannot express.

import type {ConfigIssue} from "../issue.js";
import {checkCampaigns} from "./campaigns.js";
import {checkClassifications} from "./classifications.js";
import {checkEnterpriseSize} from "./enterpriseSize.js";
import {checkExtract} from "./extract.js";
import {checkFeatures} from "./features.js";
import {isRecord} from "./input.js";
import {checkKmeans} from "./kmeans.js";
import {checkLadders} from "./ladder.js";
import {checkOwnFeatures} from "./ownFeatures.js";
import {checkPrivacy} from "./privacy.js";
import {checkRfm} from "./rfm.js";
import {checkRules} from "./rules.js";
import {featureCatalogue, featureNames, type FeatureCatalogue} from "../features.js";
import type {TableSpec} from "../contract.js";

export interface CheckOptions {
  /** The extract contract's tables (loaders/contract/tables.ts); without it, table sources and own features' tables are not checked. */
  contract?: readonly TableSpec[];
  /** Allowed keys of campaigns.outcomes (the contract's campaign kinds). */
  campaignKinds?: readonly string[];
  /** The built-in features (default: the catalogue in features.ts); the configuration's own are added to them. */
  features?: FeatureCatalogue;
}

export function checkConfig(input: unknown, {contract, campaignKinds, features: builtIn = featureNames}: CheckOptions = {}): ConfigIssue[] {
  if (!isRecord(input)) return [];
  const features = featureCatalogue(input, {builtIn});
  return [
    ...checkExtract(input, {contract}),
    ...checkOwnFeatures(input, {contract, features}),
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
