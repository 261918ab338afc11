// Paths into the configuration, written the way an analyst reads them:
// classifications[0].tiers[2].when.value

export type ConfigPath = readonly (string | number)[];

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: ConfigPath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (identifier.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text || "(configuration)";
}

/** The value at a path in parsed (possibly invalid) input; undefined when absent. */
export function valueAt(root: unknown, path: ConfigPath): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}
