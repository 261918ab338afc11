import {JSDOM} from "jsdom";
import {TierBars} from "../../../src/components/TierBars.js";
const {document} = new JSDOM().window;
const el = TierBars([
  {tier: "diamond", label: {zh: "钻石卡", en: "Diamond"}, count: 120, aum: 1.2e9},
  {tier: "platinum", label: {zh: "白金卡", en: "Platinum"}, count: 5, aum: 3e6, suppressed: true},
  {tier: "gold", label: {zh: "金卡", en: "Gold"}, count: 2400, aum: 9.6e8},
  {tier: "standard", label: {zh: "普通客户", en: "Standard"}, count: 17000, aum: 5.1e8},
], {document, threshold: 10, ladder: ["diamond","platinum","gold","standard"]});
console.log(el.outerHTML);
