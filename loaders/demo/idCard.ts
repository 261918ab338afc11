// Chinese identity numbers with correct check characters, so that the
// anonymiser has realistic direct identifiers to find and remove.

const residentWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const residentCheck = "10X98765432";

/** GB 11643-1999 check character of the first 17 digits. */
export function residentIdCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * residentWeights[i];
  return residentCheck[sum % 11];
}

/**
 * 18-digit resident ID: area code (6), birth date (8), sequence (3; odd for
 * men, even for women), check character.
 */
export function residentIdNumber(areaCode: string, birthDate: string, sequence: number, gender: "M" | "F"): string {
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== (gender === "M")) seq = (seq + 1) % 1000;
  const first17 = areaCode + birthDate.replaceAll("-", "") + String(seq).padStart(3, "0");
  return first17 + residentIdCheckDigit(first17);
}

export function isValidResidentId(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && residentIdCheckDigit(id.slice(0, 17)) === id[17];
}

// GB 32100-2015 unified social credit code: 31 characters without I, O, S, V, Z.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const creditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += creditAlphabet.indexOf(first17[i]) * creditWeights[i];
  return creditAlphabet[(31 - (sum % 31)) % 31];
}

/** GB 11714 organisation code check character over an 8-digit body. */
function organisationCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * organisationWeights[i];
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** 18-character code: 9 (market regulator), 1 (enterprise), area, organisation code, check. */
export function socialCreditCode(areaCode: string, organisationBody: number): string {
  const body = String(organisationBody % 100_000_000).padStart(8, "0");
  const first17 = "91" + areaCode + body + organisationCheck(body);
  return first17 + creditCodeCheckCharacter(first17);
}

export function isValidSocialCreditCode(code: string): boolean {
  if (code.length !== 18) return false;
  for (const ch of code) if (!creditAlphabet.includes(ch)) return false;
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}
