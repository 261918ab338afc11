export type {Check, Classified, ClientPeriod, Comparison, TierResult} from "./types.js";
export {evaluateCondition, explainCondition} from "./evaluateCondition.js";
export {classify, classifyAll, checkReferences} from "./classify.js";
export {compileCondition, type CompiledCondition} from "./compileCondition.js";
export {compileClassifications, classifyMany, type CompiledClassifications} from "./compileClassifications.js";
export {classificationReferences} from "./references.js";
export {sizeClass, withSizeClass, type SizeCheck, type SizeClass, type SizeResult} from "./sizeClass.js";
