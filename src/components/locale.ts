// The two locales the dashboards speak, and where the reader's choice is kept.
//
// zh-CN is the bank's working language and therefore the default everywhere;
// English is the second locale. The choice lives in localStorage so that it
// survives navigation between the static pages of the site.

export const locales = ["zh-CN", "en"] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = "zh-CN";

/** The localStorage key holding the reader's locale. */
export const localeStorageKey = "seg.locale";

/** Loose input ("zh", "en-GB", undefined) to one of the two locales; anything unknown is zh-CN. */
export function normaliseLocale(value: unknown): Locale {
  if (typeof value !== "string") return defaultLocale;
  const v = value.toLowerCase();
  if (v === "en" || v.startsWith("en-")) return "en";
  return defaultLocale;
}

type StorageLike = Pick<Storage, "getItem" | "setItem">;

// Reading localStorage throws in sandboxed iframes and with cookies disabled,
// and does not exist in Node; a missing store simply means the default locale.
function defaultStorage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The reader's locale from localStorage ("seg.locale"); zh-CN when unset or unavailable. */
export function currentLocale({storage = defaultStorage()}: {storage?: StorageLike} = {}): Locale {
  try {
    return normaliseLocale(storage?.getItem(localeStorageKey));
  } catch {
    return defaultLocale;
  }
}

/** Remembers the reader's locale; returns false when no storage is available. */
export function storeLocale(locale: Locale, {storage = defaultStorage()}: {storage?: StorageLike} = {}): boolean {
  try {
    if (!storage) return false;
    storage.setItem(localeStorageKey, locale);
    return true;
  } catch {
    return false;
  }
}
