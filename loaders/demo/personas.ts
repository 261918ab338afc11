// Retail personas: each demo client is drawn from one. They are placed far
// apart on the default k-means features (AUM, monetary, frequency, recency,
// product count, tenure) so that k-means with k = 5 recovers them.

import type {AumProduct} from "./thresholds.js";

export type PersonaId = "young_saver" | "affluent_investor" | "senior_depositor" | "dormant_holder" | "mass_transactor";
export type Channel = "counter" | "atm" | "mobile" | "online" | "pos";
export type LoanProduct = "mortgage" | "consumer_loan";

export interface Persona {
  id: PersonaId;
  label: {zh: string; en: string};
  description: string;
  /** Share of existing retail clients. */
  share: number;
  /** Share of clients opened inside the window (new clients). */
  newShare: number;
  /** Quarter average daily AUM, drawn log-uniformly. */
  aum: [number, number];
  /** Quarter-on-quarter log-AUM volatility. */
  drift: number;
  ageAtStart: [number, number];
  /** Months between opening and the first month of the window. */
  tenureMonths: [number, number];
  /** AUM products: probability of holding it and its typical share of AUM. */
  holdings: Partial<Record<AumProduct, {p: number; weight: number}>>;
  loans: Partial<Record<LoanProduct, number>>;
  /** Client-initiated transactions per quarter, relative to the bank average. */
  activity: number;
  /** Median amount of one client-initiated transaction, CNY. */
  ticket: number;
  channels: Partial<Record<Channel, number>>;
  occupations: readonly string[];
}

export const personas: readonly Persona[] = [
  {
    id: "young_saver",
    label: {zh: "年轻数字储蓄族", en: "Young digital saver"},
    description: "Under 33, recent client, small balances in demand deposits and funds, many small mobile payments.",
    share: 0.25, newShare: 0.5,
    aum: [3_000, 40_000], drift: 0.08,
    ageAtStart: [22, 32], tenureMonths: [1, 20],
    holdings: {demand: {p: 1, weight: 0.6}, fund: {p: 0.4, weight: 0.4}},
    loans: {consumer_loan: 0.15},
    activity: 1, ticket: 120,
    channels: {mobile: 0.72, online: 0.14, pos: 0.1, atm: 0.04},
    occupations: ["职员", "工程师", "自由职业", "销售", "设计师", "程序员"],
  },
  {
    id: "affluent_investor",
    label: {zh: "富裕理财客户", en: "Affluent wealth investor"},
    description: "Platinum and diamond clients spread over deposits, wealth products, funds and insurance; few but large transactions.",
    share: 0.12, newShare: 0.2,
    aum: [1_300_000, 9_000_000], drift: 0.07,
    ageAtStart: [35, 62], tenureMonths: [36, 240],
    holdings: {demand: {p: 1, weight: 0.1}, time: {p: 0.9, weight: 0.25}, wealth: {p: 0.95, weight: 0.35}, fund: {p: 0.85, weight: 0.2}, insurance: {p: 0.85, weight: 0.1}},
    loans: {mortgage: 0.3},
    activity: 0.45, ticket: 60_000,
    channels: {online: 0.4, mobile: 0.35, counter: 0.25},
    occupations: ["企业主", "高级管理人员", "医生", "律师", "个体经营者"],
  },
  {
    id: "senior_depositor",
    label: {zh: "银发定期客户", en: "Senior time-deposit holder"},
    description: "Over 60, long-standing client, gold-tier savings mostly in time deposits, occasional counter visits.",
    share: 0.18, newShare: 0,
    aum: [260_000, 900_000], drift: 0.05,
    ageAtStart: [60, 80], tenureMonths: [150, 360],
    holdings: {demand: {p: 1, weight: 0.15}, time: {p: 1, weight: 0.85}, insurance: {p: 0.25, weight: 0.2}},
    loans: {},
    activity: 0.3, ticket: 5_000,
    channels: {counter: 0.7, atm: 0.25, mobile: 0.05},
    occupations: ["退休"],
  },
  {
    id: "dormant_holder",
    label: {zh: "沉睡账户客户", en: "Dormant holder"},
    description: "A small demand balance and no client-initiated transaction since early in the window; only interest postings.",
    share: 0.15, newShare: 0,
    aum: [300, 8_000], drift: 0.02,
    ageAtStart: [25, 70], tenureMonths: [40, 200],
    holdings: {demand: {p: 1, weight: 1}},
    loans: {},
    activity: 0, ticket: 300,
    channels: {atm: 0.5, counter: 0.5},
    occupations: ["职员", "个体经营者", "务工人员", "自由职业"],
  },
  {
    id: "mass_transactor",
    label: {zh: "大众活跃客户", en: "Mass-affluent transactor"},
    description: "Salaried family client around the value line, with mortgage or consumer loan; card and mobile payments almost daily.",
    share: 0.3, newShare: 0.3,
    aum: [40_000, 190_000], drift: 0.1,
    ageAtStart: [26, 55], tenureMonths: [30, 180],
    holdings: {demand: {p: 1, weight: 0.6}, time: {p: 0.6, weight: 0.3}, fund: {p: 0.3, weight: 0.2}},
    loans: {mortgage: 0.6, consumer_loan: 0.5},
    activity: 2.1, ticket: 2_500,
    channels: {pos: 0.4, mobile: 0.3, atm: 0.15, online: 0.1, counter: 0.05},
    occupations: ["职员", "教师", "公务员", "工程师", "医生", "销售", "个体经营者"],
  },
];

export const personaById: ReadonlyMap<PersonaId, Persona> = new Map(personas.map((p) => [p.id, p]));
