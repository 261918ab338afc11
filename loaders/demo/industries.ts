// The default national enterprise-size table (DOMAIN.md §3, the
// `enterpriseSize` defaults in data/config.default.yaml). The generator plants
// sizes against these defaults; a test checks they still match the file.

export type SizeClass = "large" | "medium" | "small" | "micro";
export type SizeMetric = "employees" | "revenue" | "assets";
/** [large, medium, small] lower bounds; employees in persons, revenue and assets in 万元. */
export type SizeBounds = readonly [number, number, number];

export const industrySizeBounds: Readonly<Record<string, Partial<Record<SizeMetric, SizeBounds>>>> = {
  agriculture: {revenue: [20000, 500, 50]},
  industry: {employees: [1000, 300, 20], revenue: [40000, 2000, 300]},
  construction: {revenue: [80000, 6000, 300], assets: [80000, 5000, 300]},
  wholesale: {employees: [200, 20, 5], revenue: [40000, 5000, 1000]},
  retail: {employees: [300, 50, 10], revenue: [20000, 500, 100]},
  transport: {employees: [1000, 300, 20], revenue: [30000, 3000, 200]},
  warehousing: {employees: [200, 100, 20], revenue: [30000, 1000, 100]},
  postal: {employees: [1000, 300, 20], revenue: [30000, 2000, 100]},
  accommodation: {employees: [300, 100, 10], revenue: [10000, 2000, 100]},
  catering: {employees: [300, 100, 10], revenue: [10000, 2000, 100]},
  information_transmission: {employees: [2000, 100, 10], revenue: [100000, 1000, 100]},
  software: {employees: [300, 100, 10], revenue: [10000, 1000, 50]},
  real_estate: {revenue: [200000, 1000, 100], assets: [10000, 5000, 2000]},
  property_management: {employees: [1000, 300, 100], revenue: [5000, 1000, 500]},
  leasing: {employees: [300, 100, 10], assets: [120000, 8000, 100]},
  other: {employees: [300, 100, 10]},
};

export const industryIds = Object.keys(industrySizeBounds);

export const sizeClasses: readonly SizeClass[] = ["large", "medium", "small", "micro"];

/**
 * A class needs every listed metric at or above its lower bound; otherwise the
 * enterprise falls one class, down to micro.
 */
export function enterpriseSize(industry: string, facts: Record<SizeMetric, number>): SizeClass {
  const bounds = industrySizeBounds[industry] ?? industrySizeBounds.other;
  for (let c = 0; c < 3; c++) {
    let meets = true;
    for (const [metric, b] of Object.entries(bounds) as [SizeMetric, SizeBounds][]) if (!(facts[metric] >= b[c])) meets = false;
    if (meets) return sizeClasses[c];
  }
  return "micro";
}
