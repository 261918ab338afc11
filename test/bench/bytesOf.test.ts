// The large benchmark's memory target is DuckDB's limit plus a margin, so the
// limit must be read the way DuckDB reads it.
import {describe, expect, it} from "vitest";
import {bytesOf} from "../../bench/pipeline.js";

describe("bytesOf", () => {
  it("reads DuckDB memory limits: decimal and binary units", () => {
    expect(bytesOf("3GB")).toBe(3e9);
    expect(bytesOf("1.5GB")).toBe(1.5e9);
    expect(bytesOf("512MiB")).toBe(512 * 1024 ** 2);
    expect(bytesOf("2 gib")).toBe(2 * 1024 ** 3);
  });
  it("rejects what DuckDB would not take", () => {
    expect(() => bytesOf("three gigs")).toThrow(/invalid memory limit/);
  });
});
