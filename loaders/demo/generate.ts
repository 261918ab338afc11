// The demo bank: a raw extract in the shape of extract contract v1 plus the
// truths planted in it. Written into a temporary sibling folder and renamed
// into place, so a reader never sees a half-written extract.

import {closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {contract, type TableName} from "../contract/tables.js";
import {quarterLabel} from "./calendar.js";
import {demoWindow, type DemoWindow} from "./window.js";
import {subBranches} from "./branches.js";
import {closeDate, openDate, planRetailClients, type RetailClient} from "./retailPlan.js";
import {planCampaigns, type CampaignPlan} from "./campaigns.js";
import {planCorporateClients, corporateQuarter, type CorporateClient} from "./corporate.js";
import {corporateTier} from "./corporateTier.js";
import {enterpriseSize} from "./industries.js";
import {writeClientBalances} from "./balances.js";
import {transactionIds, writeClientTransactions} from "./transactions.js";
import {expectedQuarantine, planDefects, type DefectRecord, type PlannedDefect} from "./defects.js";
import {createCsvWriter, csvField, formatCents, type CsvWriter} from "./csvWriter.js";
import {campaignTruth, retailQuarterTruth, retailTierAt, transitions, valueClientAt} from "./truths.js";
import {personas} from "./personas.js";
import {canary} from "./canary.js";
import {retailTierLadder, valueClientLine} from "./thresholds.js";
import {depositColumns, depositIds, planDepositLines, writeClientDeposits, type DepositLine} from "./deposits.js";

export interface DemoBankOptions {
  /** Folder that receives extract/*.csv and truths.json. */
  outDir: string;
  seed?: number;
  retailClients?: number;
  corporateClients?: number;
  quarters?: number;
  firstQuarter?: string;
  transactionsPerClientQuarter?: number;
  onProgress?: (progress: DemoProgress) => void;
}

/** The demo bank's files: the contract's tables and the bank's own deposits table (extract.extraTables.deposits). */
export type DemoTable = TableName | "deposits";

export interface DemoProgress {
  phase: "plan" | DemoTable | "truths";
  done: number;
  total: number;
}

export interface DemoBankSummary {
  outDir: string;
  extractDir: string;
  truthsPath: string;
  rows: Record<DemoTable, number>;
}

/** The `extract.demo` defaults of data/config.default.yaml. */
export const demoDefaults = {
  seed: 20240101,
  retailClients: 20_000,
  corporateClients: 1_500,
  quarters: 8,
  firstQuarter: "2024Q1",
  transactionsPerClientQuarter: 9,
} as const;

// The fast writers below join fields positionally; this pins their order to the contract.
const columnOrder: Record<TableName, string> = {
  branches: "branch_id,branch_name,parent_branch,region",
  clients: "client_id,client_type,name,id_number,phone,address,employer,birth_date,gender,occupation,branch_id,open_date,close_date",
  balances: "client_id,month,product,avg_daily_balance,month_end_balance",
  transactions: "txn_id,client_id,txn_date,amount,direction,channel,client_initiated",
  corporate_metrics:
    "client_id,quarter,industry,employees,revenue,total_assets,avg_daily_deposits,period_end_deposits,pos_settlement_monthly,payroll_headcount,payroll_amount_monthly,company_cards,credit_rating,adverse_credit,loan_balance,stable_lending,strategic_agreement,settlement_share,online_banking_daily,supported_sector",
  campaigns: "campaign_id,name,kind,start_date,end_date,budget,fixed_cost,target_clients,target_aum,reward_points_member,reward_points_referrer",
  campaign_members: "campaign_id,client_id,group,branch_id,referrer_id,list_name",
  campaign_targets: "campaign_id,branch_id,target_clients,target_aum",
};

const progressEvery = 2_000;

export async function generateDemoBank({
  outDir,
  seed = demoDefaults.seed,
  retailClients = demoDefaults.retailClients,
  corporateClients = demoDefaults.corporateClients,
  quarters = demoDefaults.quarters,
  firstQuarter = demoDefaults.firstQuarter,
  transactionsPerClientQuarter = demoDefaults.transactionsPerClientQuarter,
  onProgress = () => {},
}: DemoBankOptions): Promise<DemoBankSummary> {
  if (!Number.isInteger(seed)) throw new Error(`invalid seed: ${seed}`);
  if (!Number.isInteger(retailClients) || retailClients < 10) throw new Error(`invalid retailClients: ${retailClients}`);
  if (!Number.isInteger(corporateClients) || corporateClients < 0) throw new Error(`invalid corporateClients: ${corporateClients}`);
  if (!(transactionsPerClientQuarter > 0)) throw new Error(`invalid transactionsPerClientQuarter: ${transactionsPerClientQuarter}`);
  for (const spec of contract) {
    // Optional columns the demo does not write (e.g. official_tier) are left out of the check.
    const written = spec.columns.filter((c) => c.required || columnOrder[spec.name].split(",").includes(c.name));
    if (written.map((c) => c.name).join(",") !== columnOrder[spec.name]) throw new Error(`invalid contract for demo writer: ${spec.name}`);
  }
  const window = demoWindow(firstQuarter, quarters);
  const options = {seed, retailClients, corporateClients, quarters, firstQuarter, transactionsPerClientQuarter};

  onProgress({phase: "plan", done: 0, total: retailClients + corporateClients});
  const retail = planRetailClients(retailClients, window, seed);
  const campaigns = planCampaigns(retail, window, seed);
  const corporate = planCorporateClients(corporateClients, window, seed);
  const defects = planDefects(retailClients, seed);
  onProgress({phase: "plan", done: retailClients + corporateClients, total: retailClients + corporateClients});

  const target = resolve(outDir);
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  rmSync(temp, {recursive: true, force: true});
  mkdirSync(join(temp, "extract"), {recursive: true});
  try {
    const open = (table: TableName) => createCsvWriter(join(temp, "extract", `${table}.csv`), columnOrder[table].split(","));
    const records: DefectRecord[] = [];
    const rows = {} as Record<DemoTable, number>;

    const branches = open("branches");
    for (const b of subBranches) branches.line(`${b.branchId},${b.name},${b.parentBranch},${b.region}`);
    rows.branches = close(branches);

    rows.clients = writeClients(open("clients"), retail, corporate, defects, records, onProgress);

    const aumCents = new Float64Array(retailClients * window.months);
    const balances = open("balances");
    for (const client of retail) {
      writeClientBalances(client, window, balances, aumCents);
      for (const d of defectsAfter(defects, "balances", client.index)) {
        const month = window.firstMonth + 3 * client.lastQuarter + 2;
        const product = ["consumer_loan", "mortgage", "corporate_loan"].find((p) => !client.loans.some((l) => l.product === p))!;
        const [avg, end] = d.column === "avg_daily_balance" ? [String(d.value), "0.00"] : ["1200.00", String(d.value)];
        const label = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
        record(records, d, balances.line(`${client.clientId},${label},${product},${avg},${end}`));
      }
      progress(onProgress, "balances", client.index, retailClients);
    }
    rows.balances = close(balances);

    const ids = transactionIds();
    const txns = open("transactions");
    for (const client of retail) {
      writeClientTransactions(client, window, transactionsPerClientQuarter, ids, txns);
      const lastReal = ids.last;
      for (const d of defectsAfter(defects, "transactions", client.index)) {
        const date = `${quarterLabel(window.firstQuarter).slice(0, 4)}-03-18`;
        const fields = {id: ids.next(), client: client.clientId, date, amount: "268.00"};
        if (d.kind === "non_numeric") fields.amount = String(d.value);
        else if (d.kind === "invalid_date") fields.date = String(d.value);
        else if (d.kind === "orphan_client") fields.client = String(d.value);
        else fields.id = lastReal;
        record(records, d, txns.line(`${fields.id},${fields.client},${fields.date},${fields.amount},out,mobile,1`));
      }
      progress(onProgress, "transactions", client.index, retailClients);
    }
    rows.transactions = close(txns);

    const depositLines: DepositLine[] = [];
    const lines = planDepositLines(retail, window, seed);
    const deposits = createCsvWriter(join(temp, "extract", "deposits.csv"), [...depositColumns]);
    const depositId = depositIds();
    for (const client of retail) {
      const planted = writeClientDeposits(client, window, deposits, depositId, lines.get(client.index));
      if (planted) depositLines.push(planted);
      progress(onProgress, "deposits", client.index, retailClients);
    }
    rows.deposits = close(deposits);

    const corporateTruth = writeCorporateMetrics(open("corporate_metrics"), corporate, window, rows, onProgress);
    writeCampaignTables(open, campaigns, rows);

    onProgress({phase: "truths", done: 0, total: 1});
    const truth = retailQuarterTruth(retail, window, aumCents);
    writeTruths(join(temp, "truths.json"), {
      options,
      window,
      retail,
      truth,
      aumCents,
      campaigns,
      corporateTruth,
      records,
      defects,
      rows,
      depositLines,
    });
    onProgress({phase: "truths", done: 1, total: 1});

    // rename() cannot replace a non-empty folder: move the old one aside first.
    const old = join(dirname(target), `.${basename(target)}.old-${process.pid}`);
    if (existsSync(target)) renameSync(target, old);
    renameSync(temp, target);
    rmSync(old, {recursive: true, force: true});
    return {outDir: target, extractDir: join(target, "extract"), truthsPath: join(target, "truths.json"), rows};
  } catch (error) {
    rmSync(temp, {recursive: true, force: true});
    throw error;
  }
}

function close(writer: CsvWriter): number {
  writer.close();
  return writer.rows;
}

function progress(onProgress: (p: DemoProgress) => void, phase: DemoProgress["phase"], index: number, total: number): void {
  if ((index + 1) % progressEvery === 0 || index + 1 === total) onProgress({phase, done: index + 1, total});
}

function defectsAfter(defects: readonly PlannedDefect[], table: PlannedDefect["table"], client: number): PlannedDefect[] {
  return defects.filter((d) => d.table === table && d.afterClient === client);
}

function record(records: DefectRecord[], d: PlannedDefect, line: number): void {
  records.push({table: d.table, kind: d.kind, line, column: d.column, count: 1});
}

function retailClientLine(c: RetailClient): string {
  return [c.clientId, "retail", csvField(c.name), c.idNumber, c.phone, csvField(c.address), csvField(c.employer), c.birthDate, c.gender, csvField(c.occupation), c.branch.branchId, openDate(c), closeDate(c)].join(",");
}

function writeClients(out: CsvWriter, retail: RetailClient[], corporate: CorporateClient[], defects: readonly PlannedDefect[], records: DefectRecord[], onProgress: (p: DemoProgress) => void): number {
  for (const c of retail) {
    out.line(retailClientLine(c));
    for (const d of defectsAfter(defects, "clients", c.index)) record(records, d, out.line(retailClientLine(retail[Number(d.value)])));
    progress(onProgress, "clients", c.index, retail.length);
  }
  for (const c of corporate) {
    out.line([c.clientId, "corporate", csvField(c.name), c.creditCode, c.phone, csvField(c.address), "", "", "", "", c.branch.branchId, c.openDate, ""].join(","));
  }
  return close(out);
}

interface CorporateTruth {
  client_id: string;
  tiers: Record<string, string>;
  size: Record<string, string>;
}

const flag = (b: boolean) => (b ? "1" : "0");
const cents = (x: number) => formatCents(Math.round(x * 100));

function writeCorporateMetrics(out: CsvWriter, corporate: CorporateClient[], window: DemoWindow, rows: Record<DemoTable, number>, onProgress: (p: DemoProgress) => void): CorporateTruth[] {
  const truths: CorporateTruth[] = [];
  for (const c of corporate) {
    const entry: CorporateTruth = {client_id: c.clientId, tiers: {}, size: {}};
    for (let q = 0; q < window.quarters; q++) {
      const f = corporateQuarter(c, q);
      const quarter = quarterLabel(window.firstQuarter + q);
      // Truths come from the values as written (rounded), by the default rules.
      const size = enterpriseSize(c.industry, {employees: f.employees, revenue: f.revenue, assets: f.totalAssets});
      entry.size[quarter] = size;
      entry.tiers[quarter] = corporateTier(f, size);
      out.line(
        [
          c.clientId, quarter, c.industry, f.employees, cents(f.revenue), cents(f.totalAssets), cents(f.avgDailyDeposits), cents(f.periodEndDeposits),
          cents(f.posSettlementMonthly), f.payrollHeadcount, cents(f.payrollAmountMonthly), f.companyCards, f.creditRating, flag(f.adverseCredit),
          cents(f.loanBalance), flag(f.stableLending), flag(f.strategicAgreement), f.settlementShare.toFixed(4), flag(f.onlineBankingDaily), flag(f.supportedSector),
        ].join(",")
      );
    }
    truths.push(entry);
    progress(onProgress, "corporate_metrics", c.index, corporate.length);
  }
  rows.corporate_metrics = close(out);
  return truths;
}

function writeCampaignTables(open: (t: TableName) => CsvWriter, campaigns: CampaignPlan[], rows: Record<DemoTable, number>): void {
  const table = open("campaigns");
  for (const c of campaigns) {
    table.line([c.campaignId, c.name, c.kind, c.startDate, c.endDate, cents(c.budget), cents(c.fixedCost), c.targetClients, cents(c.targetAum), c.rewardPointsMember, c.rewardPointsReferrer ?? ""].join(","));
  }
  rows.campaigns = close(table);
  const members = open("campaign_members");
  for (const c of campaigns) {
    for (const m of c.members) members.line([c.campaignId, m.client.clientId, m.group, m.client.branch.branchId, m.referrer?.clientId ?? "", m.listName ?? ""].join(","));
  }
  rows.campaign_members = close(members);
  const targets = open("campaign_targets");
  for (const c of campaigns) {
    const perBranch = subBranches.map((b) => c.members.filter((m) => m.client.branch.branchId === b.branchId).length);
    const clientsTarget = apportion(c.targetClients, perBranch);
    const aumTarget = apportion(Math.round(c.targetAum / 10_000), perBranch); // in whole 万
    subBranches.forEach((b, i) => targets.line([c.campaignId, b.branchId, clientsTarget[i], cents(aumTarget[i] * 10_000)].join(",")));
  }
  rows.campaign_targets = close(targets);
}

/** Largest-remainder split of a whole total in proportion to weights (equal when all weights are 0). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const shares = weights.map((w) => (sum ? (total * w) / sum : total / weights.length));
  const result = shares.map(Math.floor);
  let left = total - result.reduce((s, v) => s + v, 0);
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    result[i]++;
    left--;
  }
  return result;
}

interface TruthInput {
  options: Record<string, unknown>;
  window: DemoWindow;
  retail: RetailClient[];
  truth: ReturnType<typeof retailQuarterTruth>;
  aumCents: Float64Array;
  campaigns: CampaignPlan[];
  corporateTruth: CorporateTruth[];
  records: DefectRecord[];
  defects: PlannedDefect[];
  rows: Record<DemoTable, number>;
  depositLines: DepositLine[];
}

// Above this many client-quarters the per-client entries switch from
// {quarter → value} objects to arrays aligned with `quarters`.
const compactAbove = 400_000;

function writeTruths(path: string, input: TruthInput): void {
  const {window, retail, truth} = input;
  const quarterLabels = Array.from({length: window.quarters}, (_, q) => quarterLabel(window.firstQuarter + q));
  const tierPaths = retail.map((c) => quarterLabels.map((_, q) => retailTierAt(truth, window.quarters, c.index, q)));
  const valuePaths = retail.map((c) => quarterLabels.map((_, q) => valueClientAt(truth, window.quarters, c.index, q)));
  const layout = retail.length * window.quarters > compactAbove ? "arrays" : "objects";
  const byQuarter = <T>(values: T[]) => (layout === "arrays" ? values : Object.fromEntries(quarterLabels.map((q, i) => [q, values[i]])));

  const quarantine = expectedQuarantine(input.defects);
  const counts = Object.fromEntries(
    Object.entries(input.rows).map(([table, rows]) => [table, {rows, valid: rows - quarantine[table], quarantined: quarantine[table]}])
  );

  const header = {
    demo: true,
    note: "demo data: a synthetic bank generated by loaders/demo; every name, ID number, phone and address is invented. Pseudonymisation of the demo bank uses the published demo key, never a production key.",
    seed: input.options.seed,
    options: input.options,
    quarters: quarterLabels,
    campaignQuarter: quarterLabels[window.campaignQuarter],
    layout,
    rules: {
      retailTier: {feature: "quarter average daily AUM (day-weighted mean of monthly sums of avg_daily_balance over demand, time, wealth, fund, insurance)", ladder: retailTierLadder},
      valueClient: {feature: "sum of avg_daily_balance over AUM products in the quarter's last month", min: valueClientLine},
      campaignQualifies: {feature: "AUM sum in campaign month 2 or 3", min: valueClientLine},
    },
    personas: Object.fromEntries(personas.map((p) => [p.id, {zh: p.label.zh, en: p.label.en, description: p.description}])),
    transitions: transitions(tierPaths, quarterLabels),
    corporateTransitions: transitions(input.corporateTruth.map((c) => quarterLabels.map((q) => c.tiers[q] ?? null)), quarterLabels),
    campaigns: input.campaigns.map((c) => campaignTruth(c, window, input.aumCents, truth)),
    defects: input.records,
    expectedQuarantine: quarantine,
    completeness: completeness(retail, tierPaths, quarterLabels),
    /** Clients whose deposit bands sit exactly on DOMAIN.md's lines (or just past them) in the last quarter. */
    depositLines: input.depositLines,
    canaries: [{client_id: canary.clientId, name: canary.name, id_number: canary.idNumber, phone: canary.phone, address: canary.address, employer: canary.employer}],
    counts,
  };

  // Streamed, one client per line: the file stays readable and never needs one giant string.
  const fd = openSync(path, "w");
  try {
    const text = JSON.stringify(header, null, 1);
    writeSync(fd, text.slice(0, -2) + ',\n "retail": [\n');
    let buffer = "";
    retail.forEach((c, i) => {
      buffer += (i ? ",\n" : "") + JSON.stringify({client_id: c.clientId, persona: c.persona, tiers: byQuarter(tierPaths[i]), value: byQuarter(valuePaths[i])});
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = "";
      }
    });
    buffer += '\n ],\n "corporate": [\n';
    input.corporateTruth.forEach((c, i) => {
      const entry = layout === "arrays" ? {client_id: c.client_id, tiers: quarterLabels.map((q) => c.tiers[q]), size: quarterLabels.map((q) => c.size[q])} : c;
      buffer += (i ? ",\n" : "") + JSON.stringify(entry);
    });
    buffer += "\n ]\n}\n";
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
}

function completeness(retail: RetailClient[], tierPaths: (string | null)[][], quarterLabels: string[]) {
  const complete = (c: RetailClient) => c.phone !== "" && c.address !== "" && c.employer !== "";
  const byQuarter: Record<string, {clients: number; complete: number; share: number}> = {};
  quarterLabels.forEach((q, i) => {
    let clients = 0;
    let ok = 0;
    retail.forEach((c, j) => {
      const tier = tierPaths[j][i];
      if (tier === null || tier === "standard") return;
      clients++;
      if (complete(c)) ok++;
    });
    byQuarter[q] = {clients, complete: ok, share: clients ? Math.round((ok / clients) * 10_000) / 10_000 : 0};
  });
  const completeCount = retail.filter(complete).length;
  return {
    fields: ["phone", "address", "employer"],
    retailClients: retail.length,
    complete: completeCount,
    share: Math.round((completeCount / retail.length) * 10_000) / 10_000,
    missing: {phone: retail.filter((c) => !c.phone).length, address: retail.filter((c) => !c.address).length, employer: retail.filter((c) => !c.employer).length},
    /** Mid- and high-tier (gold and above) clients with all key contact fields, per quarter. */
    midHighTierByQuarter: byQuarter,
  };
}

