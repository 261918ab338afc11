export {valueHistory, type ValueHistory} from "./valueHistory.js";
