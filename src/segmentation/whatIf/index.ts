export {recompute, sampleRecords, type ExplorerSample, type SampleColumns} from "./recompute.js";
