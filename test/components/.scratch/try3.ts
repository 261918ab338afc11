import {JSDOM} from "jsdom";
import {Sankey} from "../../../src/components/Sankey.js";
const {document} = new JSDOM().window;
const tiers = ["diamond","platinum","gold","standard"];
const nodes = [] as any[];
for (const p of ["2025Q3","2025Q4"]) for (const s of tiers) nodes.push({id: `${p}:${s}`, period: p, state: s, label: s});
nodes.push({id: "2025Q4:new", period: "2025Q4", state: "new", label: {zh: "新增", en: "New"}});
nodes.push({id: "2025Q4:exited", period: "2025Q4", state: "exited", label: {zh: "退出", en: "Exited"}});
const links = [
 {source: "2025Q3:standard", target: "2025Q4:standard", value: 15000},
 {source: "2025Q3:standard", target: "2025Q4:gold", value: 300},
 {source: "2025Q3:gold", target: "2025Q4:gold", value: 2000},
 {source: "2025Q3:gold", target: "2025Q4:platinum", value: 50},
 {source: "2025Q3:platinum", target: "2025Q4:platinum", value: 400},
 {source: "2025Q3:platinum", target: "2025Q4:diamond", value: 5, suppressed: true},
 {source: "2025Q3:diamond", target: "2025Q4:diamond", value: 100},
 {source: "2025Q3:standard", target: "2025Q4:exited", value: 200},
];
const graph = {nodes, links};
const before = JSON.stringify(graph);
const el = Sankey(graph, {document, ladder: tiers});
console.log(before === JSON.stringify(graph));
console.log(el.outerHTML.replace(/></g, ">\n<"));
