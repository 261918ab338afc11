import {describe, expect, it} from "vitest";
import fc from "fast-check";
import {isValidResidentId, isValidSocialCreditCode, residentIdCheckDigit, residentIdNumber, socialCreditCode} from "../../loaders/demo/idCard.js";
import {canary} from "../../loaders/demo/canary.js";

describe("identity numbers", () => {
  it("residentIdCheckDigit follows GB 11643 on a published example", () => {
    // The standard's worked example: 11010519491231002X.
    expect(residentIdCheckDigit("11010519491231002")).toBe("X");
    expect(isValidResidentId("11010519491231002X")).toBe(true);
    expect(isValidResidentId("110105194912310021")).toBe(false);
  });

  it("residentIdNumber embeds area, birth date and a gender-consistent sequence", () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 999}), fc.constantFrom("M" as const, "F" as const), fc.integer({min: 0, max: 20_000}), (seq, gender, day) => {
        const birth = new Date(Date.UTC(1940, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
        const id = residentIdNumber("440305", birth, seq, gender);
        expect(isValidResidentId(id)).toBe(true);
        expect(id.slice(0, 6)).toBe("440305");
        expect(id.slice(6, 14)).toBe(birth.replaceAll("-", ""));
        expect(Number(id[16]) % 2 === 1).toBe(gender === "M");
      })
    );
  });

  it("socialCreditCode produces valid 18-character codes", () => {
    fc.assert(
      fc.property(fc.integer({min: 0, max: 99_999_999}), (body) => {
        const code = socialCreditCode("310115", body);
        expect(code).toHaveLength(18);
        expect(isValidSocialCreditCode(code)).toBe(true);
      })
    );
    // A published sample code of the standard's format.
    expect(isValidSocialCreditCode("91350100M000100Y43")).toBe(true);
  });

  it("the canary carries a valid ID number", () => {
    expect(isValidResidentId(canary.idNumber)).toBe(true);
    expect(canary.idNumber.slice(6, 14)).toBe(canary.birthDate.replaceAll("-", ""));
  });
});
