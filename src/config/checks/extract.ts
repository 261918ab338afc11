// Table sources name contract tables, and column mappings name contract columns
// (the contract lives in loaders/contract/tables.ts and is passed in, so that
// this module stays free of Node code).

import {closest} from "../closest.js";
import type {ConfigIssue} from "../issue.js";
import {isRecord, record} from "./input.js";

/** Contract table name → its column names. */
export type ContractColumns = Readonly<Record<string, readonly string[]>>;

export function checkExtract(input: Record<string, unknown>, {tables}: {tables?: ContractColumns} = {}): ConfigIssue[] {
  if (!tables) return [];
  const issues: ConfigIssue[] = [];
  const sources = record(record(input.extract).tables);
  for (const [name, source] of Object.entries(sources)) {
    const columns = tables[name];
    if (!columns) {
      issues.push({path: ["extract", "tables", name], message: `unknown table; ${hint(name, Object.keys(tables), "a contract table")}`, at: "key"});
      continue;
    }
    const mapping = isRecord(source) ? source.columns : undefined;
    if (!isRecord(mapping)) continue;
    for (const column of Object.keys(mapping)) {
      if (!columns.includes(column)) issues.push({path: ["extract", "tables", name, "columns", column], message: `unknown contract column of ${name}; ${hint(column, columns, "a column")}`, at: "key"});
    }
  }
  return issues;
}

function hint(word: string, candidates: readonly string[], what: string): string {
  const suggestion = closest(word, candidates);
  return suggestion ? `did you mean ${suggestion}?` : `expected ${what}: ${candidates.join(", ")}`;
}
