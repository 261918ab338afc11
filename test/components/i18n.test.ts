import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {currentLocale, labels, localLabel, LocaleSwitch, normaliseLocale, storeLocale, t} from "../../src/components/i18n.js";
import {MemoryStorage, newDocument} from "./jsdom.js";

describe("labels", () => {
  it("have a non-empty word in both locales for every key", () => {
    for (const [key, entry] of Object.entries(labels)) {
      expect(entry["zh-CN"].trim(), key).not.toBe("");
      expect(entry.en.trim(), key).not.toBe("");
    }
  });
});

// Every t("key") the site uses, from pages and components alike: t throws on an
// unknown key, so a missing entry would break a page at run time.
function usedKeys(dir: string): Set<string> {
  const keys = new Set<string>();
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile() || !/\.(md|ts|js)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    if (path.includes(".observablehq")) continue;
    for (const match of readFileSync(path, "utf8").matchAll(/\bt\("([\w.]+)"/g)) keys.add(match[1]);
  }
  return keys;
}

describe("t", () => {
  it("knows every key the site's pages and components ask for", () => {
    const missing = [...usedKeys(join(import.meta.dirname, "../../src"))].filter((key) => !(key in labels));
    expect(missing).toEqual([]);
  });

  it("translates a key, defaulting to zh-CN", () => {
    expect(t("download.csv")).toBe("下载 CSV");
    expect(t("download.csv", "en")).toBe("Download CSV");
    expect(t("kpi.upgradeRate", "zh-CN")).toBe("升级率");
  });

  it("fills {placeholders} from params", () => {
    expect(t("suppressed.note", "zh-CN", {threshold: 10})).toBe("为保护客户隐私，少于10户的单元格不予披露");
    expect(t("suppressed.note", "en", {threshold: 10})).toContain("fewer than 10 clients");
  });

  it("throws on an unknown key", () => {
    expect(() => t("no.such.key" as never)).toThrow("invalid label key: no.such.key");
  });
});

describe("localLabel", () => {
  it("picks the configured {zh, en} label for the locale", () => {
    expect(localLabel({zh: "金卡", en: "Gold"}, "zh-CN")).toBe("金卡");
    expect(localLabel({zh: "金卡", en: "Gold"}, "en")).toBe("Gold");
    expect(localLabel("gold", "en")).toBe("gold");
    expect(localLabel(undefined)).toBe("");
  });
});

describe("currentLocale", () => {
  it("reads seg.locale and defaults to zh-CN", () => {
    const storage = new MemoryStorage();
    expect(currentLocale({storage})).toBe("zh-CN");
    storage.setItem("seg.locale", "en");
    expect(currentLocale({storage})).toBe("en");
    storage.setItem("seg.locale", "fr");
    expect(currentLocale({storage})).toBe("zh-CN");
  });

  it("is zh-CN when localStorage is missing or throws", () => {
    expect(currentLocale()).toBe("zh-CN"); // Node has no localStorage
    const throwing = {
      getItem() {
        throw new Error("SecurityError");
      },
      setItem() {
        throw new Error("SecurityError");
      },
    };
    expect(currentLocale({storage: throwing})).toBe("zh-CN");
    expect(storeLocale("en", {storage: throwing})).toBe(false);
  });

  it("normalises loose locale names", () => {
    expect(normaliseLocale("en-GB")).toBe("en");
    expect(normaliseLocale("zh")).toBe("zh-CN");
    expect(normaliseLocale(undefined)).toBe("zh-CN");
  });
});

describe("LocaleSwitch", () => {
  it("is a Framework input: .value, an input event and the choice stored", () => {
    const document = newDocument();
    const storage = new MemoryStorage();
    const element = LocaleSwitch({document, storage});
    expect(element.value).toBe("zh-CN");
    const buttons = [...element.querySelectorAll("button")];
    expect(buttons.map((b) => b.textContent)).toEqual(["中文", "English"]);
    expect(buttons.map((b) => b.getAttribute("aria-pressed"))).toEqual(["true", "false"]);
    let events = 0;
    element.addEventListener("input", () => ++events);
    buttons[1].click();
    expect(element.value).toBe("en");
    expect(events).toBe(1);
    expect(storage.getItem("seg.locale")).toBe("en");
    expect(buttons.map((b) => b.getAttribute("aria-pressed"))).toEqual(["false", "true"]);
    buttons[1].click(); // already English: nothing to re-render
    expect(events).toBe(1);
  });

  it("starts from the stored locale", () => {
    const storage = new MemoryStorage();
    storage.setItem("seg.locale", "en");
    expect(LocaleSwitch({document: newDocument(), storage}).value).toBe("en");
  });
});
