// The reporting calendar as two small tables, so that every period join is a
// plain equi- or range-join the warehouse can run without date functions.

import {parseQuarter, daysInMonth} from "../../src/segmentation/periods/index.js";
import {dateLiteral, literal} from "../engine/dialect.js";

export function periodTablesSql(quarters: readonly string[]): string[] {
  if (!quarters.length) throw new Error("invalid reporting calendar: no quarters");
  const periodRows = quarters.map((id) => {
    const q = parseQuarter(id);
    return `(${literal(q.id)}, ${dateLiteral(q.start)}, ${dateLiteral(q.end)}, ${q.days})`;
  });
  const monthRows = quarters.flatMap((id) =>
    parseQuarter(id).months.map((m, i) => `(${literal(m)}, ${literal(id)}, ${daysInMonth(m)}, ${i + 1})`)
  );
  return [
    `CREATE TABLE periods (quarter VARCHAR, q_start DATE, q_end DATE, q_days INTEGER)`,
    `INSERT INTO periods VALUES ${periodRows.join(", ")}`,
    `CREATE TABLE period_months (month VARCHAR, quarter VARCHAR, m_days INTEGER, m_pos INTEGER)`,
    `INSERT INTO period_months VALUES ${monthRows.join(", ")}`,
  ];
}
