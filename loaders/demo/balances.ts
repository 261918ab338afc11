// Monthly balance rows for one retail client: each held AUM product shares the
// planned quarter level; loans run beside it but never count towards AUM.

import {createRandom, hashSeed} from "./random.js";
import {monthLabel, quarterDays} from "./calendar.js";
import {formatCents, type CsvWriter} from "./csvWriter.js";
import type {RetailClient} from "./retailPlan.js";
import type {DemoWindow} from "./window.js";

const balanceStream = 11;
const monthlyAmortisation = 0.005;

/**
 * Writes the client's rows and adds the AUM actually written (integer cents,
 * summed over AUM products) into `aumCents` at [client × months + month].
 */
export function writeClientBalances(client: RetailClient, window: DemoWindow, out: CsvWriter, aumCents: Float64Array): void {
  const random = createRandom(hashSeed(client.seed, balanceStream));
  const base = client.index * window.months;
  const id = client.clientId;
  for (let q = client.firstQuarter; q <= client.lastQuarter; q++) {
    const factors = monthFactors(window.firstQuarter + q, () => random.uniform(-0.015, 0.015));
    for (let k = 0; k < 3; k++) {
      const rel = 3 * q + k;
      const month = window.firstMonth + rel;
      const label = monthLabel(month);
      const closing = client.closeMonth === month;
      const total = client.levels[q] * factors[k];
      let written = 0;
      // Product shares wobble a little month to month; the total does not.
      const jitter = client.holdings.map((h) => h.share * random.uniform(0.95, 1.05));
      const jitterSum = jitter.reduce((s, v) => s + v, 0);
      client.holdings.forEach((h, j) => {
        const cents = Math.round((total * jitter[j]) / jitterSum * 100);
        written += cents;
        const end = closing ? 0 : Math.round(cents * random.uniform(0.92, 1.08));
        out.line(`${id},${label},${h.product},${formatCents(cents)},${formatCents(end)}`);
      });
      for (const loan of client.loans) {
        const balance = loan.balance * Math.pow(1 - monthlyAmortisation, rel);
        const cents = Math.round(balance * 100);
        const end = closing ? 0 : Math.round(balance * (1 - monthlyAmortisation / 2) * 100);
        out.line(`${id},${label},${loan.product},${formatCents(cents)},${formatCents(end)}`);
      }
      aumCents[base + rel] = written;
    }
  }
}

/**
 * Three month factors around 1 whose day-weighted mean is exactly 1, so the
 * quarter average daily AUM equals the planned level and each month stays
 * within ±3.1% of it.
 */
export function monthFactors(quarter: number, noise: () => number): [number, number, number] {
  const days = quarterDays(quarter);
  const raw = [1 + noise(), 1 + noise(), 1 + noise()];
  const mean = (raw[0] * days[0] + raw[1] * days[1] + raw[2] * days[2]) / (days[0] + days[1] + days[2]);
  return [raw[0] / mean, raw[1] / mean, raw[2] / mean];
}
