// Two buttons, 中文 / English, that remember the reader's choice.
//
// The element is a Framework input: it has a .value and fires "input", so a
// page writes `const locale = view(LocaleSwitch())` and every cell that reads
// `locale` re-renders in place. Other pages pick the choice up from
// localStorage when they load. With {reload: true} it reloads the page
// instead, for pages written without view().

import {labels} from "./labels.js";
import {currentLocale, locales, storeLocale, type Locale} from "./locale.js";

export interface LocaleSwitchOptions {
  value?: Locale;
  reload?: boolean;
  /** Where the choice is kept; localStorage by default. */
  storage?: Pick<Storage, "getItem" | "setItem">;
  document?: Document;
}

export type LocaleSwitchElement = HTMLFormElement & {value: Locale};

const buttonLabels: Record<Locale, {text: string; lang: string}> = {
  // Each language is named in itself, so a reader finds their own.
  "zh-CN": {text: labels["locale.zh"]["zh-CN"], lang: "zh-CN"},
  en: {text: labels["locale.en"].en, lang: "en"},
};

export function LocaleSwitch({
  storage,
  value = currentLocale(storage ? {storage} : {}),
  reload = false,
  document = globalThis.document,
}: LocaleSwitchOptions = {}): LocaleSwitchElement {
  const form = document.createElement("form") as LocaleSwitchElement;
  form.className = "locale-switch";
  form.setAttribute("aria-label", `${labels["locale.switch"]["zh-CN"]} / ${labels["locale.switch"].en}`);
  form.addEventListener("submit", (event) => event.preventDefault());
  let current: Locale = value;
  const buttons = locales.map((locale) => {
    const button = document.createElement("button");
    button.type = "button";
    button.lang = buttonLabels[locale].lang;
    button.textContent = buttonLabels[locale].text;
    button.dataset.locale = locale;
    button.addEventListener("click", () => select(locale));
    form.append(button);
    return button;
  });
  function render() {
    for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.locale === current));
  }
  function select(locale: Locale) {
    if (locale === current) return;
    current = locale;
    storeLocale(locale, storage ? {storage} : {});
    render();
    if (reload) document.defaultView?.location.reload();
    else form.dispatchEvent(new (document.defaultView?.Event ?? Event)("input", {bubbles: true}));
  }
  Object.defineProperty(form, "value", {
    get: () => current,
    set: (locale: Locale) => {
      current = locale;
      render();
    },
  });
  render();
  return form;
}
