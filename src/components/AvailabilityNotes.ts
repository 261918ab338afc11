// Says plainly why part of a page is empty: "only one quarter: no migration
// between quarters". Takes the `availability` object the loaders publish.

import {h} from "./dom.js";
import {localLabel} from "./i18n.js";
import {defaultLocale, type Locale} from "./locale.js";

export interface Availability {
  available: boolean;
  reason: {zh: string; en: string} | null;
}

export function AvailabilityNotes(
  availability: Readonly<Record<string, Availability>> | undefined,
  {locale = defaultLocale, document = globalThis.document}: {locale?: Locale; document?: Document} = {}
): HTMLElement {
  const reasons = [...new Set(Object.values(availability ?? {}).filter((a) => !a.available && a.reason).map((a) => localLabel(a.reason!, locale)))];
  return h(document, "div", {class: "availability-notes"}, ...reasons.map((r) => h(document, "p", {class: "seg-note"}, r)));
}
