import {describe, expect, it} from "vitest";
import {formatSeconds} from "../../bench/results.js";

describe("formatSeconds", () => {
  it("rounds before splitting minutes, so a minute never shows 60 seconds", () => {
    expect(formatSeconds(1019.6)).toBe("17 min 00 s");
    expect(formatSeconds(975.2)).toBe("16 min 15 s");
    expect(formatSeconds(119.996)).toBe("120.00 s");
    expect(formatSeconds(0.0042)).toBe("4.20 ms");
  });
});
