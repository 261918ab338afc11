// Matches contract columns to the file's columns: by the configured name
// (`columns` mapping) or the contract name, exactly first, then ignoring case
// (bank exports often shout: CLIENT_ID).

import type {TableSpec} from "../contract/tables.js";
import {ExtractError} from "./errors.js";

/** For each contract column, its position among the file's columns, or undefined when absent. */
export function mapColumns(
  spec: TableSpec,
  found: readonly string[],
  {mapping = {}, file, hint = "", line}: {mapping?: Record<string, string>; file: string; hint?: string; line?: number}
): (number | undefined)[] {
  for (const name of Object.keys(mapping))
    if (!spec.columns.some((c) => c.name === name)) throw new ExtractError(file, `invalid column mapping: ${name} is not a column of ${spec.name}`);
  const positions = spec.columns.map((column) => {
    const wanted = (mapping[column.name] ?? column.name).trim();
    const exact = found.indexOf(wanted);
    if (exact >= 0) return exact;
    const loose = found.findIndex((f) => f.toLowerCase() === wanted.toLowerCase());
    return loose >= 0 ? loose : undefined;
  });
  const missing = spec.columns.filter((c, i) => c.required && positions[i] === undefined).map((c) => (mapping[c.name] ? `${c.name} (as ${mapping[c.name]})` : c.name));
  if (missing.length > 0)
    throw new ExtractError(
      file,
      `missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}; found ${found.length} column${found.length === 1 ? "" : "s"}: ${found.map(shown).join(", ")}${hint}`,
      {line, column: spec.columns.find((c, i) => c.required && positions[i] === undefined)!.name}
    );
  return positions;
}

// A name as the message shows it: quoted, and cut short (an unclosed quote in
// the header makes the rest of the file one name).
const shown = (name: string) => JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);
