// Spreads a total change over values that must stay inside their bounds, in
// proportion to each value's room, so the total lands exactly when it fits.

/** Returns the part of `total` that did not fit (0 when it all fitted). */
export function spreadWithinBounds(values: Float64Array, low: Float64Array, high: Float64Array, total: number): number {
  let room = 0;
  for (let i = 0; i < values.length; i++) room += total > 0 ? high[i] - values[i] : values[i] - low[i];
  if (room <= 0 || total === 0) return total;
  const fraction = Math.min(1, Math.abs(total) / room);
  for (let i = 0; i < values.length; i++) {
    values[i] += total > 0 ? fraction * (high[i] - values[i]) : -fraction * (values[i] - low[i]);
  }
  return total > 0 ? total - fraction * room : total + fraction * room;
}
