import {JSDOM} from "jsdom";
import {Heatmap} from "../../../src/components/Heatmap.js";
const {document} = new JSDOM().window;
const el = Heatmap([
  {row: "gold", col: "gold", value: 900},
  {row: "gold", col: "platinum", value: 100},
  {row: "gold", col: "diamond", value: 4, suppressed: true},
  {row: "platinum", col: "gold", value: 30},
  {row: "platinum", col: "platinum", value: 270},
], {document, threshold: 10, diagonal: true, rowOrder: ["diamond","platinum","gold"], colOrder: ["diamond","platinum","gold"], rowLabels: {gold: {zh: "金卡", en: "Gold"}}});
console.log(el.outerHTML);
