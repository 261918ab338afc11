// Prints one quarter's report page from the built site to an A4 PDF, in
// Debian's Chromium, offline: the page must make no request to another host,
// log no console error, throw no page error and leave no failed cell, or
// there is no PDF.

import type {Page} from "playwright-core";
import {launchOffline, renderWholePage, watchPage} from "../browser/chromium.js";
import {serveStatic} from "../browser/staticServer.js";
import type {Locale} from "../../src/components/locale.js";
import {localeStorageKey} from "../../src/components/locale.js";
import {writeAtomic} from "./writeAtomic.js";

// A4 at CSS pixels (96 per inch) less the print stylesheet's @page margins
// (12 mm either side): charts sized by resize() to this width print 1:1.
const a4ContentWidth = Math.round(((210 - 2 * 12) / 25.4) * 96);
const a4Height = Math.round((297 / 25.4) * 96);
const renderTimeoutMs = 60_000;

export interface PrintOptions {
  dist: string;
  quarter: string;
  locale: Locale;
  out: string;
}

async function waitForCells(page: Page): Promise<void> {
  // Framework renders cells asynchronously, and resize() charts again once
  // they know their width; wait for both, then for fonts, then one more frame.
  await renderWholePage(page, {timeout: renderTimeoutMs});
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

function pageProblems(problems: {outsideRequests: string[]; consoleErrors: string[]; pageErrors: string[]}, failedCells: string[]): string | null {
  const parts = [
    problems.outsideRequests.length ? `outside requests: ${problems.outsideRequests.join(", ")}` : "",
    problems.consoleErrors.length ? `console errors: ${problems.consoleErrors.join(" | ")}` : "",
    problems.pageErrors.length ? `page errors: ${problems.pageErrors.join(" | ")}` : "",
    failedCells.length ? `failed cells: ${failedCells.join(" | ")}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("; ") : null;
}

const footer = (quarter: string, locale: Locale) => `
  <div style="width:100%; font-size:7pt; color:#777; padding:0 12mm; display:flex; justify-content:space-between;">
    <span>${locale === "zh-CN" ? `${quarter} 季度迁移报告 · 仅供内部使用` : `${quarter} quarterly migration report · internal use only`}</span>
    <span><span class="pageNumber"></span> / <span class="totalPages"></span></span>
  </div>`;

export async function printReport({dist, quarter, locale, out}: PrintOptions): Promise<{pages?: number}> {
  const server = await serveStatic(dist);
  const chromium = await launchOffline().catch((error) => {
    void server.close();
    throw new Error(`cannot start Chromium: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
  });
  try {
    const context = await chromium.browser.newContext({viewport: {width: a4ContentWidth, height: a4Height}, locale});
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [localeStorageKey, locale] as const);
    const page = await context.newPage();
    const problems = await watchPage(page, server.url);
    // Lay the page out for print from the start, so charts are drawn for the paper's width.
    await page.emulateMedia({media: "print"});
    const response = await page.goto(`${server.url}/reports/${quarter}`, {waitUntil: "networkidle"});
    if (!response?.ok()) throw new Error(`report page /reports/${quarter} answered ${response?.status()}`);
    await waitForCells(page);
    const failedCells = await page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => (n.textContent ?? "").trim()));
    const problem = pageProblems(problems, failedCells);
    if (problem) throw new Error(`report page /reports/${quarter} (${locale}): ${problem}`);
    await writeAtomic(out, async (temporary) => {
      await page.pdf({
        path: temporary,
        format: "A4",
        printBackground: true,
        preferCSSPageSize: true,
        margin: {top: "15mm", bottom: "15mm", left: "12mm", right: "12mm"},
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: footer(quarter, locale),
      });
    });
    await context.close();
    return {};
  } finally {
    await chromium.close();
    await server.close();
  }
}
