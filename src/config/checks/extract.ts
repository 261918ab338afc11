// Table sources name contract tables, and column mappings name contract columns
// (the contract lives in loaders/contract/tables.ts and is passed in, so that
// this module stays free of Node code).

import {closest} from "../closest.js";
import type {ConfigIssue} from "../issue.js";
import {isRecord, list, record, text} from "./input.js";

/** Contract table name → its column names. */
export type ContractColumns = Readonly<Record<string, readonly string[]>>;

export function checkExtract(input: Record<string, unknown>, {tables}: {tables?: ContractColumns} = {}): ConfigIssue[] {
  return [...checkPaths(input), ...checkContract(input, {tables})];
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

function checkContract(input: Record<string, unknown>, {tables}: {tables?: ContractColumns}): ConfigIssue[] {
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
