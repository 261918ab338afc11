// Calendar quarters as the bank reports them ("2025Q4"). Plain string
// arithmetic on UTC dates, so it runs the same in Node and in the browser.

export interface Quarter {
  id: string; // "2025Q4"
  year: number;
  q: 1 | 2 | 3 | 4;
  start: string; // "2025-10-01"
  end: string; // "2025-12-31"
  days: number;
  months: string[]; // ["2025-10", "2025-11", "2025-12"]
}

const quarterPattern = /^(\d{4})Q([1-4])$/;

export function parseQuarter(id: string): Quarter {
  const match = quarterPattern.exec(id);
  if (!match) throw new Error(`invalid quarter: ${id}`);
  const year = +match[1];
  const q = +match[2] as 1 | 2 | 3 | 4;
  const firstMonth = (q - 1) * 3 + 1;
  const months = [0, 1, 2].map((i) => monthId(year, firstMonth + i));
  const days = months.reduce((sum, m) => sum + daysInMonth(m), 0);
  return {id, year, q, start: `${months[0]}-01`, end: `${months[2]}-${String(daysInMonth(months[2])).padStart(2, "0")}`, days, months};
}

export function monthId(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

export function daysInMonth(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function quarterOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${y}Q${Math.floor((m - 1) / 3) + 1}`;
}

export function nextQuarter(id: string): string {
  const {year, q} = parseQuarter(id);
  return q === 4 ? `${year + 1}Q1` : `${year}Q${q + 1}`;
}

/** Quarters from first to last, inclusive, in order. */
export function quarterRange(first: string, last: string): string[] {
  const out: string[] = [];
  parseQuarter(last);
  for (let q = first; q <= last; q = nextQuarter(q)) out.push(q);
  return out;
}
