// The shape of a date format as a regular expression, so that "2025-02-30"
// (right shape, no such day) reads "impossible date", and "abc" "not a date".

const parts: Record<string, string> = {
  Y: "[0-9]{4}",
  y: "[0-9]{2}",
  m: "[0-9]{1,2}",
  d: "[0-9]{1,2}",
  H: "[0-9]{1,2}",
  M: "[0-9]{1,2}",
  S: "[0-9]{1,2}",
  j: "[0-9]{1,3}",
  "-m": "[0-9]{1,2}",
  "-d": "[0-9]{1,2}",
};

export function dateShape(format: string): string {
  let shape = "";
  for (let i = 0; i < format.length; i++) {
    if (format[i] === "%" && i + 1 < format.length) {
      const code = format[i + 1] === "-" ? format.slice(i + 1, i + 3) : format[i + 1];
      shape += parts[code] ?? ".+";
      i += code.length;
    } else shape += format[i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return shape;
}
