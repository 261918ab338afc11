import {describe, expect, it, vi} from "vitest";
import {chartDownloads, DownloadButton} from "../../src/components/downloads.js";
import {newDocument} from "./jsdom.js";

describe("DownloadButton", () => {
  it("builds the blob on click and saves it under the file name", async () => {
    const document = newDocument();
    const window = document.defaultView!;
    const urls: Blob[] = [];
    window.URL.createObjectURL = (blob: Blob) => (urls.push(blob), "blob:test");
    window.URL.revokeObjectURL = () => {};
    const saved: string[] = [];
    window.HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    };
    const make = vi.fn(() => new window.Blob(["a,b\r\n"], {type: "text/csv"}));
    const button = DownloadButton("下载 CSV", make, "tiers.csv", {document});
    expect(make).not.toHaveBeenCalled();
    button.click();
    await vi.waitFor(() => expect(saved).toEqual(["tiers.csv blob:test"]));
    expect(make).toHaveBeenCalledTimes(1);
    expect(urls[0].type).toBe("text/csv");
    expect(document.querySelector("a")).toBeNull(); // the temporary link is removed
  });
});

describe("chartDownloads", () => {
  it("offers SVG and PNG in the locale", () => {
    const document = newDocument();
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    const el = chartDownloads(svg, {locale: "en", document});
    expect([...el.querySelectorAll("button")].map((b) => b.textContent)).toEqual(["Download SVG", "Download PNG"]);
  });
});
