// Colours that survive colour-blindness and grey-scale printing.
//
// Tiers are ordered, so they get a sequential ramp (ColorBrewer YlGnBu, which
// is colour-blind safe and prints as increasing grey): the higher the tier,
// the darker. "New" and "exited/churned" are states outside the ladder; they
// take Okabe–Ito orange and vermillion, hues the blue-green ramp never uses.
// Clusters and RFM segments are unordered and take a categorical set
// (Okabe–Ito up to 8, Paul Tol's "muted" up to 10).

/** YlGnBu, light to dark; the two palest steps are skipped so bars stay visible on white. */
export const tierRamp = ["#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"] as const;

export const stateColors = {
  new: "#E69F00", // Okabe–Ito orange
  exited: "#D55E00", // Okabe–Ito vermillion
  churned: "#D55E00",
  suppressed: "#bdbdbd",
  missing: "#e0e0e0",
} as const;

export type SpecialState = keyof typeof stateColors;

export function isSpecialState(id: string): id is SpecialState {
  return Object.prototype.hasOwnProperty.call(stateColors, id);
}

/** Okabe & Ito (2008), without black, which reads as text. */
export const okabeIto = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"] as const;

/** Paul Tol's "muted" scheme plus its pale grey, for up to 10 categories. */
export const tolMuted = [
  "#332288",
  "#88CCEE",
  "#44AA99",
  "#117733",
  "#999933",
  "#DDCC77",
  "#CC6677",
  "#882255",
  "#AA4499",
  "#DDDDDD",
] as const;

/**
 * n tier colours, lowest tier first, spread evenly over the ramp so that
 * neighbouring tiers stay distinguishable whatever the ladder's length.
 */
export function tierColors(n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [tierRamp[tierRamp.length - 2]];
  const last = tierRamp.length - 1;
  return Array.from({length: n}, (_, i) => tierRamp[Math.round((i * last) / (n - 1))]);
}

/**
 * The colour of a tier. ladder is the tier ids in configuration order, highest
 * tier first (the order in which the rules are evaluated); the highest tier is
 * the darkest. new / exited / churned get their state colours; an id not on the
 * ladder gets the missing grey.
 */
export function tierColor(tierId: string, ladder: readonly string[]): string {
  if (isSpecialState(tierId)) return stateColors[tierId];
  const i = ladder.indexOf(tierId);
  if (i < 0) return stateColors.missing;
  const colors = tierColors(ladder.length);
  return colors[ladder.length - 1 - i];
}

/** Plot colour scale options for a ladder (highest first), new/exited included. */
export function tierScale(ladder: readonly string[], {extra = ["new", "exited"] as readonly string[]} = {}) {
  const domain = [...ladder, ...extra];
  return {type: "ordinal" as const, domain, range: domain.map((id) => tierColor(id, ladder))};
}

/** n colours for unordered categories (clusters, RFM segments); beyond 10 they repeat. */
export function categoricalColors(n: number): string[] {
  const scheme: readonly string[] = n <= okabeIto.length ? okabeIto : tolMuted;
  return Array.from({length: Math.max(0, n)}, (_, i) => scheme[i % scheme.length]);
}

/** The colour of a category by its position in a fixed order of ids. */
export function categoryColor(id: string, order: readonly string[]): string {
  const i = order.indexOf(id);
  return i < 0 ? stateColors.missing : categoricalColors(order.length)[i];
}
