// A fatal problem with the extract: the run stops and nothing is written.
// Row-level problems never throw; they go to the quarantine instead.

export class ExtractError extends Error {
  /** The file (relative to the extract folder), or "sql" for a SQL source. */
  readonly file: string;
  /** 1-based physical line, when the problem has one. */
  readonly line?: number;
  readonly column?: string;

  constructor(file: string, problem: string, {line, column}: {line?: number; column?: string} = {}) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${problem}`);
    this.name = "ExtractError";
    this.file = file;
    this.line = line;
    this.column = column;
  }
}
