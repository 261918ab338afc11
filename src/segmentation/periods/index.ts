export {parseQuarter, monthId, daysInMonth, quarterOfMonth, nextQuarter, quarterRange} from "./quarters.js";
export type {Quarter} from "./quarters.js";
export {reportingCalendar} from "./calendar.js";
export type {IncompleteQuarter, ReportingCalendar} from "./calendar.js";
