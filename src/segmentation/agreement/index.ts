export {contingencyTable, type ContingencyTable, type PartitionLabel} from "./contingencyTable.js";
export {adjustedRandIndex, adjustedRandIndexOfTable} from "./adjustedRandIndex.js";
export {normalizedMutualInfo, normalizedMutualInfoOfTable} from "./normalizedMutualInfo.js";
export {rowMix, columnMix, type Mix} from "./mix.js";
