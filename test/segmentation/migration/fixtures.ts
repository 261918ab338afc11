import type {MigrationRecord} from "../../../src/segmentation/migration/index.js";

export const ladder = ["standard", "gold", "platinum", "diamond"];

// Six clients in 2025Q1; in 2025Q2 one upgrades a tier (a), one jumps from
// platinum to diamond (d), one downgrades (c), two stay (b, f), one leaves (e)
// and two are new (g, h).
export const q1: MigrationRecord[] = [
  {id: "a", state: "standard", aum: 100_000, branch: "B1", region: "east"},
  {id: "b", state: "gold", aum: 300_000, branch: "B1", region: "east"},
  {id: "c", state: "gold", aum: 250_000, branch: "B2", region: "west"},
  {id: "d", state: "platinum", aum: 2_000_000, branch: "B2", region: "west"},
  {id: "e", state: "diamond", aum: 6_000_000, branch: "B1", region: "east"},
  {id: "f", state: "standard", aum: 50_000, branch: "B2", region: "west"},
];

export const q2: MigrationRecord[] = [
  {id: "a", state: "gold", aum: 220_000, branch: "B1", region: "east"},
  {id: "b", state: "gold", aum: 310_000, branch: "B1", region: "east"},
  {id: "c", state: "standard", aum: 150_000, branch: "B2", region: "west"},
  {id: "d", state: "diamond", aum: 5_500_000, branch: "B1", region: "east"}, // moved to branch B1
  {id: "f", state: "standard", aum: 60_000, branch: "B2", region: "west"},
  {id: "g", state: "gold", aum: 400_000, branch: "B2", region: "west"},
  {id: "h", state: "standard", aum: 10_000, branch: "B1", region: "east"},
];

export const q3: MigrationRecord[] = [
  {id: "a", state: "platinum", aum: 1_200_000, branch: "B1"},
  {id: "b", state: "gold", aum: 320_000, branch: "B1"},
  {id: "e", state: "platinum", aum: 3_000_000, branch: "B1"}, // back after a quarter away
  {id: "g", state: "gold", aum: 380_000, branch: "B2"},
];
