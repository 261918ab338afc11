// The demo bank's network: 4 regions, 8 branches (分行), 40 sub-branches (支行).
// Each sub-branch sits in a real district, whose area code seeds ID numbers.

export interface SubBranch {
  branchId: string;
  name: string;
  parentBranch: string;
  region: string;
  city: string;
  district: string;
  areaCode: string;
  /** Relative size of the client base. */
  weight: number;
}

const network: {region: string; branch: string; city: string; weight: number; districts: [string, string, string][]}[] = [
  {region: "华东", branch: "上海分行", city: "上海市", weight: 1.6, districts: [["浦东", "浦东新区", "310115"], ["徐汇", "徐汇区", "310104"], ["长宁", "长宁区", "310105"], ["静安", "静安区", "310106"], ["杨浦", "杨浦区", "310110"]]},
  {region: "华东", branch: "杭州分行", city: "杭州市", weight: 1.1, districts: [["上城", "上城区", "330102"], ["拱墅", "拱墅区", "330105"], ["西湖", "西湖区", "330106"], ["滨江", "滨江区", "330108"], ["余杭", "余杭区", "330110"]]},
  {region: "华南", branch: "广州分行", city: "广州市", weight: 1.2, districts: [["荔湾", "荔湾区", "440103"], ["越秀", "越秀区", "440104"], ["海珠", "海珠区", "440105"], ["天河", "天河区", "440106"], ["白云", "白云区", "440111"]]},
  {region: "华南", branch: "深圳分行", city: "深圳市", weight: 1.3, districts: [["罗湖", "罗湖区", "440303"], ["福田", "福田区", "440304"], ["南山", "南山区", "440305"], ["宝安", "宝安区", "440306"], ["龙岗", "龙岗区", "440307"]]},
  {region: "华北", branch: "北京分行", city: "北京市", weight: 1.4, districts: [["东城", "东城区", "110101"], ["西城", "西城区", "110102"], ["朝阳", "朝阳区", "110105"], ["丰台", "丰台区", "110106"], ["海淀", "海淀区", "110108"]]},
  {region: "华北", branch: "天津分行", city: "天津市", weight: 0.8, districts: [["和平", "和平区", "120101"], ["河东", "河东区", "120102"], ["河西", "河西区", "120103"], ["南开", "南开区", "120104"], ["滨海", "滨海新区", "120116"]]},
  {region: "西部", branch: "成都分行", city: "成都市", weight: 0.9, districts: [["锦江", "锦江区", "510104"], ["青羊", "青羊区", "510105"], ["金牛", "金牛区", "510106"], ["武侯", "武侯区", "510107"], ["成华", "成华区", "510108"]]},
  {region: "西部", branch: "西安分行", city: "西安市", weight: 0.7, districts: [["新城", "新城区", "610102"], ["碑林", "碑林区", "610103"], ["莲湖", "莲湖区", "610104"], ["雁塔", "雁塔区", "610113"], ["未央", "未央区", "610112"]]},
];

export const subBranches: readonly SubBranch[] = network.flatMap((b, i) =>
  b.districts.map(([short, district, areaCode], j) => ({
    branchId: `SB${String(i * 5 + j + 1).padStart(2, "0")}`,
    name: `${short}支行`,
    parentBranch: b.branch,
    region: b.region,
    city: b.city,
    district,
    areaCode,
    weight: b.weight * (1 - 0.1 * j),
  }))
);

export const subBranchWeights: readonly number[] = subBranches.map((b) => b.weight);
