// What segmentation hands on besides the segments table: the trained k-means
// model with its labels and diagnostics, and the tier ids of every
// classification, for the publish stage and the Explore page.

import type {ClusterModel} from "../../src/segmentation/clusters/index.js";

export interface SegmentationModel {
  clusters: {
    model: ClusterModel;
    labels: {zh: string; en: string}[];
    trainedOn: string;
    diagnostics: unknown;
  };
  classifications: {id: string; appliesTo: string; tiers: string[]}[];
}
