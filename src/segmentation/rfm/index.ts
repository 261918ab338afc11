export {rankScores} from "./rankScores.js";
export {rfmFeatures} from "./rfmFeatures.js";
export {rfmScores, combineFm, type RfmAccessor, type RfmScores} from "./rfmScores.js";
export {rfmSegment, rfmSegmentIndex, rfmSegments} from "./rfmSegment.js";
export {checkSegmentMap, type SegmentMapReport} from "./checkSegmentMap.js";
// The pipeline reads it as "the segment of (r, fm)".
export {rfmSegment as rfmSegmentOf} from "./rfmSegment.js";
