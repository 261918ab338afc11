// Which Chromium-family browser prints reports and runs the browser tests:
// the one an environment variable names, else the first of the usual install
// paths of Chromium, Chrome and Edge on this platform. Windows ships with Edge,
// so a Windows laptop always has one; never a browser downloaded for us.

import {existsSync} from "node:fs";
import path from "node:path";

/** Checked in this order; the first one set wins, even when its file is missing (a typo should not be papered over). */
export const browserEnvVars = ["SEG_CHROME", "CHROME_PATH", "CHROMIUM_PATH"] as const;

export interface BrowserSearch {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  exists?: (file: string) => boolean;
}

export interface FoundBrowser {
  /** The executable, or undefined when none was found. */
  path: string | undefined;
  /** Where it came from: the variable's name, or "install path". */
  from: string;
  /** Every path looked at, in order (for the error message). */
  tried: string[];
}

/** Environment variables as Windows reads them: names are case-insensitive there. */
function lookup(env: Record<string, string | undefined>, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== "win32") return env[name] || undefined;
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return (key && env[key]) || undefined;
}

/** The usual install paths of Chromium, Chrome and Edge on `platform`, in order of preference. */
export function installPaths(platform: NodeJS.Platform, env: Record<string, string | undefined> = {}): string[] {
  switch (platform) {
    case "win32": {
      // Per-machine installs under Program Files (both of them), per-user ones under LocalAppData.
      const roots = ["ProgramFiles", "ProgramFiles(x86)", "LocalAppData"].flatMap((name) => lookup(env, name, platform) ?? []);
      const apps = [
        ["Google", "Chrome", "Application", "chrome.exe"],
        ["Microsoft", "Edge", "Application", "msedge.exe"],
        ["Chromium", "Application", "chrome.exe"],
      ];
      return apps.flatMap((app) => roots.map((root) => path.win32.join(root, ...app)));
    }
    case "darwin": {
      const bundles = [
        ["Google Chrome.app", "Google Chrome"],
        ["Microsoft Edge.app", "Microsoft Edge"],
        ["Chromium.app", "Chromium"],
      ];
      const home = lookup(env, "HOME", platform);
      const folders = ["/Applications", ...(home ? [path.posix.join(home, "Applications")] : [])];
      return bundles.flatMap(([bundle, binary]) => folders.map((folder) => path.posix.join(folder, bundle, "Contents", "MacOS", binary)));
    }
    default:
      return [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/usr/bin/microsoft-edge",
        "/usr/bin/microsoft-edge-stable",
        "/snap/bin/chromium",
      ];
  }
}

export function findBrowser({env = process.env, platform = process.platform, exists = existsSync}: BrowserSearch = {}): FoundBrowser {
  for (const name of browserEnvVars) {
    const value = lookup(env, name, platform);
    if (value) return {path: exists(value) ? value : undefined, from: name, tried: [value]};
  }
  const tried = installPaths(platform, env);
  return {path: tried.find((file) => exists(file)), from: "install path", tried};
}

/** Why no browser was found, and how to give one. */
export function browserMissing({from, tried}: FoundBrowser): string {
  const hint = `install Chromium, Chrome or Edge, or set ${browserEnvVars[0]} to the browser's executable`;
  if (from !== "install path") return `no browser at ${tried[0]} (from ${from}): ${hint}`;
  return `no Chromium, Chrome or Edge found (looked at ${tried.join(", ")}): ${hint}`;
}
