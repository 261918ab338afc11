// Semantic checks run on the parsed YAML even when the schema rejected parts of
// it, so that one run lists every problem. These guards let them read input
// whose shape is not yet known to be right.

export type Input = Record<string, unknown>;

export const isRecord = (value: unknown): value is Input => value !== null && typeof value === "object" && !Array.isArray(value);
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const record = (value: unknown): Input => (isRecord(value) ? value : {});
export const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
export const num = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);
export const int = (value: unknown): number | undefined => (Number.isInteger(value) ? (value as number) : undefined);
