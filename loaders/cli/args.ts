// A tiny flag parser for the workspace's commands: --name value, --name=value, --flag.

export function parseArgs(argv: readonly string[], {booleans = [] as readonly string[]} = {}): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new Error(`invalid argument: ${arg}`);
    const [name, inline] = arg.slice(2).split("=", 2);
    if (booleans.includes(name)) out[name] = true;
    else if (inline !== undefined) out[name] = inline;
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) out[name] = argv[++i];
    else throw new Error(`missing value for --${name}`);
  }
  return out;
}

/** Runs a command's main, printing a failure as one clear line and exiting 1. */
export function main(run: () => Promise<void>): void {
  run().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\nerror: ${message}\n`);
    if (process.env.SEG_DEBUG) console.error(error);
    process.exit(1);
  });
}
