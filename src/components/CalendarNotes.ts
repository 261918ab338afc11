// Says which quarters the balances cover only in part: left out of the
// reporting quarters at either end of the extract, or kept (with a warning)
// inside it. Takes meta.incompleteQuarters as the loaders publish it.

import {h} from "./dom.js";
import {formatQuarter} from "./format.js";
import {t} from "./i18n.js";
import {defaultLocale, type Locale} from "./locale.js";
import type {IncompleteQuarter} from "../segmentation/periods/index.js";

export type {IncompleteQuarter};

export function CalendarNotes(
  incomplete: readonly IncompleteQuarter[] | undefined,
  {locale = defaultLocale, document = globalThis.document}: {locale?: Locale; document?: Document} = {}
): HTMLElement {
  const notes = (incomplete ?? []).map(({quarter, balanceMonths, kept}) =>
    t(kept ? "note.quarterIncomplete" : "note.quarterLeftOut", locale, {quarter: formatQuarter(quarter, locale), months: balanceMonths.length ? balanceMonths.join(locale === "en" ? ", " : "、") : t("note.noMonths", locale)})
  );
  return h(document, "div", {class: "availability-notes"}, ...notes.map((n) => h(document, "p", {class: "seg-note"}, n)));
}
