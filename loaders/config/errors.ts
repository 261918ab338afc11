// One error for a bad configuration, listing every problem, one per line:
//   data/config.yaml:42:18 classifications[0].tiers[1].when.op: got "=>"; expected one of >=, >, <=, <, ==, !=

export interface ConfigProblem {
  /** The file as shown to the user (relative to the working directory when inside it). */
  file?: string;
  line?: number;
  column?: number;
  /** Dotted path, e.g. classifications[0].tiers[2].when.value; empty for file-level problems. */
  path: string;
  message: string;
}

export function formatProblem({file, line, column, path, message}: ConfigProblem): string {
  const where = [file, line, line !== undefined ? column : undefined].filter((part) => part !== undefined).join(":");
  return [where, path ? `${path}: ${message}` : message].filter(Boolean).join(" ");
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  readonly problems: readonly ConfigProblem[];
  readonly file: string | undefined;

  constructor(problems: readonly ConfigProblem[], {file}: {file?: string} = {}) {
    const count = problems.length === 1 ? "" : ` (${problems.length} problems)`;
    super(`invalid configuration: ${file ?? "(no file)"}${count}\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}`);
    this.problems = problems;
    this.file = file;
  }
}
