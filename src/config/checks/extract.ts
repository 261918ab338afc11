// Table sources name contract tables or the configuration's own, column
// mappings name their columns, and the configuration's own columns and tables
// (extract.extraColumns, extract.extraTables) are well formed. The contract
// (loaders/contract/tables.ts) is passed in, so that this module stays free of
// the loaders.

import {closest} from "../closest.js";
import {clientColumn, withExtras, type TableSpec} from "../contract.js";
import type {ConfigIssue} from "../issue.js";
import type {ConfigPath} from "../path.js";
import {extraColumnTypes, type ExtraColumn, type ExtraTable} from "../schema.js";
import {isRecord, list, record, text} from "./input.js";

const periodTypes = ["month", "quarter", "date"];

/** The contract plus what the (not yet validated) configuration adds, as far as it is readable. */
export function tablesOf(input: Record<string, unknown>, contract: readonly TableSpec[]): TableSpec[] {
  const extract = record(input.extract);
  const columns = (value: unknown) => list(value).filter((c): c is ExtraColumn => isRecord(c) && typeof c.name === "string" && extraColumnTypes.includes(c.type as ExtraColumn["type"]));
  const extraColumns = Object.fromEntries(Object.entries(record(extract.extraColumns)).map(([t, cs]) => [t, columns(cs)]));
  const extraTables = Object.fromEntries(
    Object.entries(record(extract.extraTables))
      .filter(([name]) => !contract.some((t) => t.name === name))
      .map(([name, t]) => [name, {...record(t), key: list(record(t).key), columns: columns(record(t).columns)} as ExtraTable])
  );
  return withExtras(contract, {extraColumns, extraTables});
}

export function checkExtract(input: Record<string, unknown>, {contract}: {contract?: readonly TableSpec[]} = {}): ConfigIssue[] {
  return [...checkPaths(input), ...checkContract(input, {contract})];
}

// A table path that leaves the extract folder is refused before anything is
// read (a typo, or `../../../etc/passwd`); other folders must be listed.
function checkPaths(input: Record<string, unknown>): ConfigIssue[] {
  const extract = record(input.extract);
  const roots = list(extract.roots).flatMap((r) => text(r) ?? []);
  return Object.entries(record(extract.tables)).flatMap(([name, source]) => {
    const path = text(record(source).path);
    // Absolute paths and roots can only be placed once extract.dir is resolved: the loader checks those.
    const unplaced = path === undefined || [path, ...roots].some((p) => p.startsWith("/"));
    return unplaced || insideExtract(path, roots) ? [] : [{path: ["extract", "tables", name, "path"], message: outsideExtract(path)}];
  });
}

export const outsideExtract = (path: string) => `outside the extract folder: ${path}; move the file into extract.dir, or list its folder in extract.roots`;

/**
 * Whether `path` (relative to the extract folder) stays inside it or inside
 * one of `roots` (relative to the folder too), by its text: "." and ".."
 * resolved, symbolic links not followed (a link in the folder is the bank's
 * own choice).
 */
export function insideExtract(path: string, roots: readonly string[] = []): boolean {
  const target = segments(path);
  return [[], ...roots.map(segments)].some((root) => root.every((s, i) => target[i] === s) && target.length > root.length && !target.slice(root.length).includes(".."));
}

function segments(path: string): string[] {
  const out: string[] = [];
  for (const s of path.split(/[\\/]+/)) {
    if (s === "" || s === ".") continue;
    if (s === ".." && out.length > 0 && out.at(-1) !== "..") out.pop();
    else out.push(s);
  }
  return out;
}

function checkContract(input: Record<string, unknown>, {contract}: {contract?: readonly TableSpec[]}): ConfigIssue[] {
  if (!contract) return [];
  const issues: ConfigIssue[] = [];
  const extract = record(input.extract);
  const contractNames = contract.map((t) => t.name);

  for (const [name, columns] of Object.entries(record(extract.extraColumns))) {
    const table = contract.find((t) => t.name === name);
    const path = ["extract", "extraColumns", name];
    if (!table) {
      const own = Object.hasOwn(record(extract.extraTables), name) ? `; ${name} is a table of your own: list its columns under extract.extraTables.${name}.columns` : `; ${hint(name, contractNames, "a contract table")}`;
      issues.push({path, message: `unknown contract table${own}`, at: "key"});
      continue;
    }
    issues.push(...checkColumns(list(columns), path, {taken: table.columns.map((c) => c.name), of: `contract column of ${name}`}));
  }

  for (const [name, value] of Object.entries(record(extract.extraTables))) {
    const path = ["extract", "extraTables", name];
    if (contractNames.includes(name)) {
      issues.push({path, message: `${name} is a contract table; add columns to it under extract.extraColumns.${name}`, at: "key"});
      continue;
    }
    const table = record(value);
    const columns = list(table.columns);
    issues.push(...checkColumns(columns, [...path, "columns"], {taken: [clientColumn.name], of: "column every table of your own has (the client)"}));
    const declared = new Map(columns.filter(isRecord).map((c) => [text(c.name), text(c.type)]));
    const names = [clientColumn.name, ...[...declared.keys()].filter((n): n is string => n !== undefined)];
    list(table.key).forEach((k, i) => {
      if (typeof k === "string" && !names.includes(k)) issues.push({path: [...path, "key", i], message: `got ${JSON.stringify(k)}; expected a column of ${name} (${hint(k, names, "one of")})`});
    });
    const period = text(table.period);
    if (period !== undefined) {
      const type = declared.get(period);
      if (!declared.has(period)) issues.push({path: [...path, "period"], message: `got ${JSON.stringify(period)}; expected a column of ${name} of type month, quarter or date (${hint(period, names, "one of")})`});
      else if (!periodTypes.includes(type ?? "")) issues.push({path: [...path, "period"], message: `got ${JSON.stringify(period)}, a column of type ${type}; expected one of type month, quarter or date, which places a row in a period`});
    }
  }

  const tables = tablesOf(input, contract);
  const sources = record(extract.tables);
  for (const [name, source] of Object.entries(sources)) {
    const table = tables.find((t) => t.name === name);
    if (!table) {
      issues.push({path: ["extract", "tables", name], message: `unknown table; ${hint(name, tables.map((t) => t.name), "a contract table or one of extract.extraTables")}`, at: "key"});
      continue;
    }
    const mapping = isRecord(source) ? source.columns : undefined;
    if (!isRecord(mapping)) continue;
    const columns = table.columns.map((c) => c.name);
    for (const column of Object.keys(mapping)) {
      if (!columns.includes(column)) issues.push({path: ["extract", "tables", name, "columns", column], message: `unknown ${table.own ? "" : "contract "}column of ${name}; ${hint(column, columns, "a column")}`, at: "key"});
    }
  }
  return issues;
}

/** Own columns: unique names not taken by the table, enum values exactly for enums, bounds only on numbers. */
function checkColumns(columns: unknown[], path: ConfigPath, {taken, of}: {taken: readonly string[]; of: string}): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Map<string, number>();
  columns.forEach((value, i) => {
    const c = record(value);
    const name = text(c.name);
    if (name !== undefined) {
      if (taken.includes(name)) issues.push({path: [...path, i, "name"], message: `got ${JSON.stringify(name)}; expected a new name: ${name} is already a ${of}`});
      else if (seen.has(name)) issues.push({path: [...path, i, "name"], message: `got ${JSON.stringify(name)}; expected each column once (it is also [${seen.get(name)}])`});
      else seen.set(name, i);
    }
    if (c.type === "enum" && c.values === undefined) issues.push({path: [...path, i, "values"], message: "missing; expected the allowed values of an enum column"});
    if (c.type !== "enum" && c.values !== undefined) issues.push({path: [...path, i, "values"], message: `values only apply to type enum; this column is ${String(c.type)}`});
    for (const bound of ["min", "max"])
      if (c[bound] !== undefined && c.type !== "integer" && c.type !== "decimal") issues.push({path: [...path, i, bound], message: `${bound} only applies to type integer or decimal; this column is ${String(c.type)}`});
  });
  return issues;
}

function hint(word: string, candidates: readonly string[], what: string): string {
  const suggestion = closest(word, candidates);
  return suggestion ? `did you mean ${suggestion}?` : `expected ${what}: ${candidates.join(", ")}`;
}
