// How an offending value appears in a message: short, and unambiguous about its
// type (a quoted "5" is a string, a bare 5 a number).

const maxLength = 60;

export function showValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** The one message shape for a bad value: what was found, what was wanted. */
export function gotExpected(value: unknown, expected: string): string {
  return value === undefined ? `missing; expected ${expected}` : `got ${showValue(value)}; expected ${expected}`;
}
