// The units a feature's values come in, and the type rules compare them as.
// One list, read by the schema (what an analyst's own feature may declare),
// the feature catalogue and the pages' number formats.

/** Money in the bank's currency, 万元, counts, days, months, a share (0–1), a plain number, a yes/no flag, a code. */
export const featureUnits = ["money", "wan", "count", "days", "months", "share", "number", "flag", "code"] as const;
export type FeatureUnit = (typeof featureUnits)[number];

/** How rules compare a feature: a flag is a boolean, a code is text, everything else a number. */
export type FeatureType = "number" | "text" | "boolean";

export const typeOfUnit = (unit: FeatureUnit): FeatureType => (unit === "flag" ? "boolean" : unit === "code" ? "text" : "number");
