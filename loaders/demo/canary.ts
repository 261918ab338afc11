// The canary: a retail client with unmistakable values. Privacy tests search
// every anonymised and published output for these strings; finding one is a leak.

import {residentIdNumber} from "./idCard.js";

const birthDate = "1985-06-15";

export const canaryClientId = "C88888888";

export const canary = {
  clientId: canaryClientId,
  name: "金丝雀测试",
  idNumber: residentIdNumber("110101", birthDate, 887, "M"),
  gender: "M" as const,
  birthDate,
  phone: "19988887777",
  address: "北京市东城区金丝雀测试路88号哨兵大厦8808室",
  employer: "金丝雀隐私测试有限公司",
  occupation: "企业主",
  branchId: "SB21",
};
