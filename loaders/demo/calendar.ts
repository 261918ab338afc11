// Months and quarters as plain integers: month index = year * 12 + (month - 1),
// quarter index = year * 4 + (quarter - 1), so that month = 3 * quarter + k.

export function parseQuarter(label: string): number {
  const match = /^(\d{4})Q([1-4])$/.exec(label);
  if (!match) throw new Error(`invalid quarter: ${label}`);
  return Number(match[1]) * 4 + Number(match[2]) - 1;
}

export function quarterLabel(quarter: number): string {
  return `${Math.floor(quarter / 4)}Q${(quarter % 4) + 1}`;
}

export function monthLabel(month: number): string {
  const m = (month % 12) + 1;
  return `${Math.floor(month / 12)}-${m < 10 ? "0" : ""}${m}`;
}

export function daysInMonth(month: number): number {
  const year = Math.floor(month / 12);
  const m = (month % 12) + 1;
  if (m === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function dateLabel(month: number, day: number): string {
  return `${monthLabel(month)}-${day < 10 ? "0" : ""}${day}`;
}

/** Calendar days of the quarter's three months: the weights of the quarter average. */
export function quarterDays(quarter: number): [number, number, number] {
  return [daysInMonth(3 * quarter), daysInMonth(3 * quarter + 1), daysInMonth(3 * quarter + 2)];
}
