// The report's executive summary, written from the numbers in the reader's
// language: 金卡客户净增 1,234 户（+5.2%） / Gold clients: net +1,234 (+5.2%).
// Sentences take numbers and format them here, so both languages say the same.

import {formatMoney, formatPercent, formatSignedChange} from "./format.js";
import {localLabel} from "./i18n.js";
import type {Locale} from "./locale.js";

export interface TierChange {
  tier: string;
  label: {zh: string; en: string};
  before: number | null;
  after: number | null;
}

export interface SummaryInput {
  tiers: readonly TierChange[];
  aumBefore: number | null;
  aumAfter: number | null;
  upgradeRate: number | null | undefined;
  downgradeRate: number | null | undefined;
  topBranch?: {branch: string; netUpgrades: number | null} | null;
  campaigns?: readonly {name: string; roi: number | null | undefined; lift: number | null | undefined}[];
}

function signedShare(before: number, after: number, locale: Locale): string {
  return formatSignedChange(before ? (after - before) / before : null, {format: "percent", locale});
}

export function executiveSummary(input: SummaryInput, {locale}: {locale: Locale}): string[] {
  const zh = locale === "zh-CN";
  const lines: string[] = [];
  for (const t of input.tiers) {
    if (t.before == null || t.after == null) continue; // suppressed: no sentence rather than a guess
    const name = localLabel(t.label, locale);
    const delta = t.after - t.before;
    const count = formatSignedChange(delta, {format: "count", locale}).replace(/^\+/, "");
    lines.push(
      zh
        ? `${name}客户${delta >= 0 ? "净增" : "净减"} ${count.replace(/^−/, "")} 户（${signedShare(t.before, t.after, locale)}）`
        : `${name} clients: net ${formatSignedChange(delta, {format: "count", locale})} (${signedShare(t.before, t.after, locale)})`
    );
  }
  if (input.aumBefore != null && input.aumAfter != null) {
    const after = formatMoney(input.aumAfter, {locale});
    lines.push(
      zh
        ? `个人客户日均金融资产 ${after}元，较上季度${signedShare(input.aumBefore, input.aumAfter, locale)}`
        : `Retail average daily AUM CNY ${after}, ${signedShare(input.aumBefore, input.aumAfter, locale)} on the quarter`
    );
  }
  if (input.upgradeRate != null && input.downgradeRate != null) {
    const up = formatPercent(input.upgradeRate, {locale});
    const down = formatPercent(input.downgradeRate, {locale});
    lines.push(zh ? `本季度升级率 ${up}，降级率 ${down}` : `Upgrade rate ${up}, downgrade rate ${down} this quarter`);
  }
  if (input.topBranch && input.topBranch.netUpgrades != null) {
    const net = formatSignedChange(input.topBranch.netUpgrades, {format: "count", locale});
    lines.push(zh ? `净升级最多的支行：${input.topBranch.branch}（${net} 户）` : `Most net upgrades: ${input.topBranch.branch} (${net})`);
  }
  for (const c of input.campaigns ?? []) {
    if (c.roi == null) continue;
    const roi = formatPercent(c.roi, {locale});
    const lift = formatSignedChange(c.lift ?? null, {format: "points", locale});
    lines.push(zh ? `${c.name}：增量投资回报率 ${roi}，达标率提升 ${lift}` : `${c.name}: incremental ROI ${roi}, qualifying rate ${lift}`);
  }
  return lines;
}
