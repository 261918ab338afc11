export interface ConversionRoiOptions {
  /** Cost of one contact attempt (call, SMS, visit). */
  costPerContact: number;
  /** Value to the bank of one conversion (e.g. margin on one subscribed deposit). */
  valuePerConversion: number;
}

export interface ConversionRoi {
  cost: number;
  value: number;
  net: number;
  /** (value − cost) / cost; undefined when nothing was spent. */
  roi: number | undefined;
}

/**
 * ROI of an outbound contact campaign without a control group, as the bank's
 * telemarketing reports compute it: every conversion counts as caused by the
 * contacts (a gross view — see grossVersusIncremental for why that flatters).
 */
export function conversionRoi(
  {conversions, contacts}: {conversions: number; contacts: number},
  {costPerContact, valuePerConversion}: ConversionRoiOptions
): ConversionRoi {
  if (!(costPerContact >= 0)) throw new Error(`invalid costPerContact: ${costPerContact}`);
  if (!(valuePerConversion >= 0)) throw new Error(`invalid valuePerConversion: ${valuePerConversion}`);
  const cost = contacts * costPerContact;
  const value = conversions * valuePerConversion;
  return {cost, value, net: value - cost, roi: cost > 0 ? (value - cost) / cost : undefined};
}
