// Translating the dashboards' fixed words: t(key, locale).
//
// The dictionary is in labels.ts, the reader's locale in locale.ts, the switch
// in LocaleSwitch.ts; this module is the one import pages need.

import {labels, type LabelKey} from "./labels.js";
import {defaultLocale, type Locale} from "./locale.js";

export {labels, type LabelKey} from "./labels.js";
export {currentLocale, defaultLocale, locales, localeStorageKey, normaliseLocale, storeLocale, type Locale} from "./locale.js";
export {LocaleSwitch} from "./LocaleSwitch.js";

/**
 * The word for key in locale; {name} placeholders are filled from params.
 * An unknown key is a programming error, so it throws rather than printing the key.
 */
export function t(key: LabelKey, locale: Locale = defaultLocale, params: Record<string, string | number> = {}): string {
  const entry = labels[key];
  if (!entry) throw new Error(`invalid label key: ${key}`);
  const text: string = entry[locale] ?? entry[defaultLocale];
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** A configured {zh, en} label (tier, classification, campaign) in locale. */
export function localLabel(label: {zh: string; en: string} | string | undefined, locale: Locale = defaultLocale): string {
  if (label == null) return "";
  if (typeof label === "string") return label;
  return locale === "en" ? label.en : label.zh;
}
