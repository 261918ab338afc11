// The configuration, isomorphic: schema, validation and descriptions. File
// loading (Node) lives in loaders/config.
export {configSchema, condition, tableSource, type Config, type Condition, type Classification, type Label, type RfmConfig, type KmeansConfig, type CampaignConfig, type EnterpriseSizeConfig, type TableSource} from "./schema.js";
export {validateConfig, type Validation} from "./validate.js";
export {checkConfig, type CheckOptions} from "./checks/index.js";
export type {ConfigIssue} from "./issue.js";
export {formatPath, valueAt, type ConfigPath} from "./path.js";
export {canonicalJson} from "./canonical.js";
export {featureCatalogue, featureNames, type FeatureCatalogue, type FeatureName, type FeatureUnit} from "./features.js";
export {describeCondition, describeTiers, describeRfmSegments, describeClassifications, formatValue, type DescribedClassification, type DescribeOptions} from "./describe.js";
