// A chart as it appears in the report: title, the chart, caption, a small
// provenance note (数据截至 2025年第4季度 · 配置 3f9a2c1b) and download buttons.
//
// The configuration hash ties every published figure to the parameters that
// made it, so two figures that disagree can be traced to their settings.

import {h} from "./dom.js";
import {chartDownloads} from "./downloads.js";
import {formatQuarter} from "./format.js";
import {t} from "./i18n.js";
import {defaultLocale, type Locale} from "./locale.js";

export interface FigureOptions {
  title?: string;
  caption?: string;
  /** The data's reference date or quarter ("2025-12-31", "2025Q4"). */
  asOf?: string;
  /** The configuration's content hash; the first hashLength characters are shown. */
  configHash?: string;
  hashLength?: number;
  /** Add the note that small cells were suppressed below this threshold. */
  threshold?: number;
  /** SVG/PNG download buttons for the chart; a file name without extension, or false. */
  download?: string | false;
  locale?: Locale;
  document?: Document;
}

/** The chart's main SVG: the element itself, or the widest SVG inside it (not a legend swatch). */
export function mainSvg(chart: Element): SVGSVGElement | null {
  if (chart.localName === "svg") return chart as SVGSVGElement;
  const svgs = [...chart.querySelectorAll("svg")];
  let best: SVGSVGElement | null = null;
  for (const svg of svgs) if (!best || Number(svg.getAttribute("width")) > Number(best.getAttribute("width"))) best = svg;
  return best;
}

export function Figure(
  chart: Element,
  {
    title,
    caption,
    asOf,
    configHash,
    hashLength = 8,
    threshold,
    download = "chart",
    locale = defaultLocale,
    document = globalThis.document,
  }: FigureOptions = {}
): HTMLElement {
  const notes = [
    asOf != null && `${t("meta.asOf", locale)} ${formatQuarter(asOf, locale)}`,
    configHash != null && `${t("meta.config", locale)} ${configHash.slice(0, hashLength)}`,
    threshold != null && t("suppressed.note", locale, {threshold}),
  ].filter((note): note is string => typeof note === "string");
  const svg = download === false ? null : mainSvg(chart);
  return h(
    document,
    "figure",
    {class: "seg-figure"},
    title != null && h(document, "h2", {}, title),
    chart,
    caption != null && h(document, "figcaption", {}, caption),
    (notes.length > 0 || svg) &&
      h(
        document,
        "div",
        {class: "figure-footer"},
        notes.length > 0 && h(document, "small", {class: "figure-meta muted"}, notes.join(" · ")),
        svg && download !== false && chartDownloads(svg, {filename: download, locale, document})
      )
  );
}
