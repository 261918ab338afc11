// Tier rules live in ../rules (one representation, two back-ends, one
// explainer); here is the national enterprise size standard they read.
export {sizeClass, withSizeClass, type SizeCheck, type SizeClass, type SizeResult} from "./sizeClass.js";
