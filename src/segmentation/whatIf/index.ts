export {recompute, sameClusterSettings, sampleRecords, type ExplorerSample, type RecomputeOptions, type SampleColumns, type WhatIf} from "./recompute.js";
