// Title and caption around a chart, in the same shape Plot gives its own
// figures (figure > h2, the chart, figcaption), so all components look alike.

import {h} from "./dom.js";

export interface TitleOptions {
  title?: string;
  subtitle?: string;
  caption?: string;
  document?: Document;
}

export function titled<E extends Element>(
  chart: E,
  {title, subtitle, caption, document = globalThis.document}: TitleOptions = {}
): E | HTMLElement {
  if (title == null && subtitle == null && caption == null) return chart;
  return h(
    document,
    "figure",
    {},
    title != null && h(document, "h2", {}, title),
    subtitle != null && h(document, "h3", {}, subtitle),
    chart,
    caption != null && h(document, "figcaption", {}, caption)
  );
}
