// AUM is summed in whole hundredths of its unit (fen for CNY). Integer sums
// below 2^53 are exact, so a total does not depend on the order of the
// extract's rows: the same extract always gives the same report, to the fen,
// up to about 90 万亿 CNY per cell.

export function toCents(amount: number | undefined): number {
  return amount === undefined || !Number.isFinite(amount) ? 0 : Math.round(amount * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}
