// Tables in dependency order: a table comes after every table it references,
// so that orphans are checked against the parent's accepted rows.

import type {TableSpec} from "../contract/tables.js";

export function dependencyOrder(tables: readonly TableSpec[]): TableSpec[] {
  const ordered: TableSpec[] = [];
  const visiting = new Set<string>();
  const visit = (table: TableSpec) => {
    if (ordered.includes(table)) return;
    if (visiting.has(table.name)) throw new Error(`circular reference: ${table.name}`);
    visiting.add(table.name);
    for (const column of table.columns) {
      const parent = column.references && tables.find((t) => t.name === column.references!.table);
      if (parent && parent !== table) visit(parent);
    }
    visiting.delete(table.name);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}
