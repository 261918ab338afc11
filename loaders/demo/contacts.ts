// Phones, addresses and employers: the key contact fields a bank tracks for
// completeness, and direct identifiers the anonymiser must drop.

import type {Random} from "./random.js";
import type {SubBranch} from "./branches.js";
import {brandName} from "./names.js";

const mobilePrefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156", "157", "158", "159", "166", "173", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"];

/** Mainland mobile: 1[3-9] followed by nine digits. */
export function mobilePhone(random: Random): string {
  return random.pick(mobilePrefixes) + String(random.int(0, 99_999_999)).padStart(8, "0");
}

const cityDialCodes: Record<string, string> = {上海市: "021", 杭州市: "0571", 广州市: "020", 深圳市: "0755", 北京市: "010", 天津市: "022", 成都市: "028", 西安市: "029"};

export function officePhone(random: Random, branch: SubBranch): string {
  return `${cityDialCodes[branch.city] ?? "010"}-${random.int(2, 8)}${String(random.int(0, 9_999_999)).padStart(7, "0")}`;
}

const roads = [..."人民解放建设中山和平新华文化胜利光明长江黄河东风朝阳幸福团结迎宾滨江金融科技学府"];
const roadKinds = ["路", "大道", "街"];
const estates = ["花园", "小区", "公寓", "新村", "家园", "苑", "府"];

export function homeAddress(random: Random, branch: SubBranch): string {
  const road = random.pick(roads) + random.pick(roads) + random.pick(roadKinds);
  const estate = brandName(random) + random.pick(estates);
  return `${branch.city}${branch.district}${road}${random.int(1, 999)}号${estate}${random.int(1, 30)}栋${random.int(1, 4)}单元${random.int(1, 32)}${String(random.int(1, 8)).padStart(2, "0")}室`;
}

export function officeAddress(random: Random, branch: SubBranch): string {
  const road = random.pick(roads) + random.pick(roads) + random.pick(roadKinds);
  return `${branch.city}${branch.district}${road}${random.int(1, 999)}号${random.int(1, 40)}层`;
}

const employerKinds = ["科技有限公司", "贸易有限公司", "实业有限公司", "信息技术有限公司", "医药有限公司", "建设集团有限公司", "物流有限公司", "餐饮管理有限公司", "教育咨询有限公司", "电子股份有限公司"];
const publicEmployers = ["人民医院", "第一中学", "实验小学", "税务局", "街道办事处", "市政府", "大学"];

export function employerName(random: Random, branch: SubBranch): string {
  const cityShort = branch.city.replace("市", "");
  if (random.chance(0.2)) return cityShort + branch.district.replace(/区|新区/, "") + random.pick(publicEmployers);
  return cityShort + brandName(random) + random.pick(employerKinds);
}

const companyKinds = ["有限公司", "股份有限公司", "集团有限公司"];
const industryWords: Record<string, string> = {
  agriculture: "农业", industry: "制造", construction: "建设工程", wholesale: "商贸", retail: "商业连锁",
  transport: "运输", warehousing: "仓储", postal: "快递", accommodation: "酒店", catering: "餐饮",
  information_transmission: "通信", software: "软件", real_estate: "置业", property_management: "物业服务",
  leasing: "融资租赁", other: "服务",
};

export function companyName(random: Random, branch: SubBranch, industry: string): string {
  return branch.city.replace("市", "") + brandName(random) + (industryWords[industry] ?? "实业") + random.pick(companyKinds);
}
