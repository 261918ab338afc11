export {parseQuarter, monthId, daysInMonth, quarterOfMonth, nextQuarter, quarterRange} from "./quarters.js";
export type {Quarter} from "./quarters.js";
