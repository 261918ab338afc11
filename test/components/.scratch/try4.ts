import {JSDOM} from "jsdom";
import {TrendLines} from "../../../src/components/TrendLines.js";
const {document} = new JSDOM().window;
const el = TrendLines([
 {period: "2025Q1", series: "up", value: 0.021},{period: "2025Q2", series: "up", value: 0.025},{period: "2025Q3", series: "up", value: 0.03, projected: true},
 {period: "2025Q1", series: "down", value: 0.011},{period: "2025Q2", series: "down", value: 0.015},
], {document, seriesLabels: {up: {zh: "升级率", en: "Upgrade rate"}}});
console.log(el.outerHTML.replace(/></g, ">\n<"));
