// A small two-quarter migration graph shared by the Sankey tests.
import type {SankeyGraph} from "../../src/components/Sankey.js";

export const ladder = ["diamond", "platinum", "gold", "standard"];
const names: Record<string, {zh: string; en: string}> = {
  diamond: {zh: "钻石卡", en: "Diamond"},
  platinum: {zh: "白金卡", en: "Platinum"},
  gold: {zh: "金卡", en: "Gold"},
  standard: {zh: "普通客户", en: "Standard"},
  new: {zh: "新增", en: "New"},
  exited: {zh: "退出", en: "Exited"},
};

export function migrationGraph(): SankeyGraph {
  const node = (period: string, state: string) => ({id: `${period}:${state}`, period, state, label: names[state]});
  return {
    nodes: [
      ...[...ladder, "new"].map((s) => node("2025Q3", s)),
      ...[...ladder, "exited"].map((s) => node("2025Q4", s)),
    ],
    links: [
      {source: "2025Q3:standard", target: "2025Q4:standard", value: 15000},
      {source: "2025Q3:standard", target: "2025Q4:gold", value: 300},
      {source: "2025Q3:standard", target: "2025Q4:exited", value: 200},
      {source: "2025Q3:gold", target: "2025Q4:gold", value: 2000},
      {source: "2025Q3:gold", target: "2025Q4:platinum", value: 50},
      {source: "2025Q3:platinum", target: "2025Q4:platinum", value: 400},
      {source: "2025Q3:platinum", target: "2025Q4:diamond", value: null, suppressed: true},
      {source: "2025Q3:diamond", target: "2025Q4:diamond", value: 100},
      {source: "2025Q3:new", target: "2025Q4:standard", value: 800},
    ],
  };
}
