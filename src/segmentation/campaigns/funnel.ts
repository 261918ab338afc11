export interface FunnelMember {
  group?: "treatment" | "control";
  /** Reached by the branch (call, SMS, visit); leave out when not recorded. */
  contacted?: boolean;
  qualified: boolean;
}

export type FunnelStageName = "targeted" | "treated" | "contacted" | "qualified";

export interface FunnelStage {
  stage: FunnelStageName;
  count: number;
  /** count / previous stage's count. */
  rateFromPrevious: number | undefined;
  /** count / targeted. */
  rateFromTargeted: number | undefined;
}

export interface FunnelSegment {
  segment: string;
  stages: FunnelStage[];
  /** The hold-out beside the funnel: what qualifying looks like without the campaign. */
  control: {n: number; qualified: number; rate: number | undefined};
}

export interface FunnelOptions<T> {
  /** Split the funnel, e.g. by branch or name list; one segment "all" by default. */
  by?: (member: T) => string | undefined;
}

/**
 * Campaign funnel: targeted (everyone on the list, both groups) → treated
 * (the treatment group) → contacted (only when contact data exists for any
 * member) → qualified (treated members who qualified).
 */
export function funnel<T extends FunnelMember>(members: readonly T[], {by = () => "all"}: FunnelOptions<T> = {}): FunnelSegment[] {
  const hasContacts = members.some((m) => m.contacted !== undefined);
  const segments = new Map<string, {targeted: number; treated: number; contacted: number; qualified: number; control: number; controlQualified: number}>();
  for (const m of members) {
    const key = by(m) ?? "unknown";
    let s = segments.get(key);
    if (!s) segments.set(key, (s = {targeted: 0, treated: 0, contacted: 0, qualified: 0, control: 0, controlQualified: 0}));
    s.targeted += 1;
    if (m.group === "control") {
      s.control += 1;
      if (m.qualified) s.controlQualified += 1;
      continue;
    }
    s.treated += 1;
    if (m.contacted) s.contacted += 1;
    if (m.qualified) s.qualified += 1;
  }
  const names: FunnelStageName[] = hasContacts ? ["targeted", "treated", "contacted", "qualified"] : ["targeted", "treated", "qualified"];
  const ratio = (a: number, b: number) => (b > 0 ? a / b : undefined);
  return Array.from(segments, ([segment, s]) => ({
    segment,
    stages: names.map((stage, i) => ({
      stage,
      count: s[stage],
      rateFromPrevious: i === 0 ? ratio(s[stage], s[stage]) : ratio(s[stage], s[names[i - 1]]),
      rateFromTargeted: ratio(s[stage], s.targeted),
    })),
    control: {n: s.control, qualified: s.controlQualified, rate: ratio(s.controlQualified, s.control)},
  })).sort((a, b) => (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0));
}
