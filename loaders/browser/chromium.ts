// The installed Chromium, Chrome or Edge (findBrowser.ts) driven by
// playwright-core, offline: every request to a host other than the local
// server is blocked and recorded, and console errors and page errors are
// collected, so a test can fail on any of them.

import {chromium, type Browser, type Page} from "playwright-core";
import {browserMissing, findBrowser} from "./findBrowser.js";

const found = findBrowser();

/** The browser's executable, or undefined when none was found. */
export const chromiumPath = found.path;

/** Why no browser was found (for skip notices and errors). */
export const chromiumMissing = browserMissing(found);

export function chromiumAvailable(): boolean {
  return chromiumPath !== undefined;
}

export async function launchOffline(): Promise<{browser: Browser; close: () => Promise<void>}> {
  // Without an executable playwright-core would look for a browser of its own download: never.
  if (!chromiumPath) throw new Error(chromiumMissing);
  // playwright-core gives every launch a fresh, empty profile directory of
  // its own (it refuses an explicit --user-data-dir with launch()).
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

export interface PageProblems {
  outsideRequests: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

/** Blocks every request not addressed to `origin`, and records it. */
export async function watchPage(page: Page, origin: string): Promise<PageProblems> {
  const problems: PageProblems = {outsideRequests: [], consoleErrors: [], pageErrors: []};
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/") || url === origin || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    problems.outsideRequests.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(String(error)));
  return problems;
}

const pending = "observablehq-loading, .observablehq--loading";

/**
 * Renders every cell of a Framework page: scrolls through it half a screen at
 * a time (cells below the first screen wait for visibility() until scrolled
 * into view), back to the top, then waits until no cell is pending.
 */
export async function renderWholePage(page: Page, {timeout = 30_000}: {timeout?: number} = {}): Promise<void> {
  // A string, not a function: tsx (esbuild keepNames) wraps named inner
  // functions in a __name() helper that does not exist in the page.
  await page.evaluate(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
    // scrollHeight grows as cells render: read it again on every step.
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await frame();
    }
    window.scrollTo(0, 0);
    await frame();
  })()`);
  await page.waitForFunction((selector) => !document.querySelector(selector), pending, {timeout});
}
