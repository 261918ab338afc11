// Finding the browser on an analyst's laptop: on a fake file system and
// environment for each platform, since only Linux runs here.
import {describe, expect, it} from "vitest";
import {browserMissing, findBrowser, installPaths} from "../../loaders/browser/findBrowser.js";

const files = (...paths: string[]) => (file: string) => paths.includes(file);

const windowsEnv = {
  ProgramFiles: "C:\\Program Files",
  "ProgramFiles(x86)": "C:\\Program Files (x86)",
  LOCALAPPDATA: "C:\\Users\\analyst\\AppData\\Local",
};

describe("findBrowser on Windows", () => {
  it("finds Edge, which every Windows has, with backslash paths", () => {
    const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    expect(findBrowser({platform: "win32", env: windowsEnv, exists: files(edge)})).toMatchObject({path: edge, from: "install path"});
  });
  it("prefers Chrome to Edge, and finds a per-user Chrome under LocalAppData", () => {
    const chrome = "C:\\Users\\analyst\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
    const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    expect(findBrowser({platform: "win32", env: windowsEnv, exists: files(edge, chrome)}).path).toBe(chrome);
  });
  it("reads environment variables without regard to case, as Windows does", () => {
    const chrome = "D:\\Apps\\Google\\Chrome\\Application\\chrome.exe";
    expect(findBrowser({platform: "win32", env: {programfiles: "D:\\Apps"}, exists: files(chrome)}).path).toBe(chrome);
    expect(findBrowser({platform: "win32", env: {seg_chrome: "E:\\chrome.exe"}, exists: files("E:\\chrome.exe")})).toMatchObject({
      path: "E:\\chrome.exe",
      from: "SEG_CHROME",
    });
  });
  it("never looks at Linux paths", () => {
    expect(installPaths("win32", windowsEnv).every((file) => /^[A-Z]:\\/.test(file))).toBe(true);
    expect(findBrowser({platform: "win32", env: windowsEnv, exists: files("/usr/bin/chromium")}).path).toBeUndefined();
  });
});

describe("findBrowser on macOS", () => {
  it("finds Chrome in /Applications", () => {
    const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    expect(findBrowser({platform: "darwin", env: {}, exists: files(chrome)}).path).toBe(chrome);
  });
  it("finds Edge installed for the user alone, in ~/Applications", () => {
    const edge = "/Users/analyst/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
    expect(findBrowser({platform: "darwin", env: {HOME: "/Users/analyst"}, exists: files(edge)}).path).toBe(edge);
  });
});

describe("findBrowser on Linux", () => {
  it("takes Debian's /usr/bin/chromium first", () => {
    expect(findBrowser({platform: "linux", env: {}, exists: files("/usr/bin/google-chrome", "/usr/bin/chromium")}).path).toBe("/usr/bin/chromium");
  });
  it("finds Chrome where there is no Chromium", () => {
    expect(findBrowser({platform: "linux", env: {}, exists: files("/usr/bin/google-chrome-stable")}).path).toBe("/usr/bin/google-chrome-stable");
  });
  it("is case-sensitive about variables, as Linux is", () => {
    expect(findBrowser({platform: "linux", env: {seg_chrome: "/opt/x"}, exists: files("/opt/x")}).from).toBe("install path");
  });
});

describe("findBrowser with a variable", () => {
  it("takes SEG_CHROME before CHROME_PATH before CHROMIUM_PATH before any install path", () => {
    const exists = files("/opt/a", "/opt/b", "/opt/c", "/usr/bin/chromium");
    const env = {SEG_CHROME: "/opt/a", CHROME_PATH: "/opt/b", CHROMIUM_PATH: "/opt/c"};
    expect(findBrowser({platform: "linux", env, exists})).toMatchObject({path: "/opt/a", from: "SEG_CHROME"});
    expect(findBrowser({platform: "linux", env: {...env, SEG_CHROME: undefined}, exists})).toMatchObject({path: "/opt/b", from: "CHROME_PATH"});
    expect(findBrowser({platform: "linux", env: {CHROMIUM_PATH: "/opt/c"}, exists})).toMatchObject({path: "/opt/c", from: "CHROMIUM_PATH"});
  });
  it("does not fall back to an install path when the variable names a missing file, and says which variable", () => {
    const found = findBrowser({platform: "linux", env: {SEG_CHROME: "/opt/typo"}, exists: files("/usr/bin/chromium")});
    expect(found.path).toBeUndefined();
    expect(browserMissing(found)).toBe(
      "no browser at /opt/typo (from SEG_CHROME): install Chromium, Chrome or Edge, or set SEG_CHROME to the browser's executable"
    );
  });
  it("names every path it looked at when none exists", () => {
    const found = findBrowser({platform: "darwin", env: {}, exists: files()});
    expect(found.path).toBeUndefined();
    expect(browserMissing(found)).toContain("/Applications/Chromium.app/Contents/MacOS/Chromium");
  });
});
