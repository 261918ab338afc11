// Buttons that save what the reader sees: a table as CSV, a chart as SVG or PNG.
// Everything is made in the browser from the page's own data; nothing is fetched.

import {h} from "./dom.js";
import {fontStack} from "./fonts.js";
import {t} from "./i18n.js";
import {defaultLocale, type Locale} from "./locale.js";

export {byteOrderMark, csvField, toCsv, type CsvColumn, type CsvOptions} from "./csv.js";

export interface DownloadOptions {
  document?: Document;
  className?: string;
}

/** A button that builds a Blob on click (not before: charts change) and saves it as filename. */
export function DownloadButton(
  label: string,
  blob: () => Blob | Promise<Blob>,
  filename: string,
  {document = globalThis.document, className = "download-button"}: DownloadOptions = {}
): HTMLButtonElement {
  const button = h(document, "button", {type: "button", class: className}, label);
  button.addEventListener("click", async () => {
    const window = document.defaultView;
    if (!window) return;
    const url = window.URL.createObjectURL(await blob());
    const a = h(document, "a", {href: url, download: filename});
    document.body.append(a);
    a.click();
    a.remove();
    // Revoke later: some browsers start the download asynchronously.
    window.setTimeout(() => window.URL.revokeObjectURL(url), 1000);
  });
  return button;
}

/** A standalone SVG document: namespaces set, the CJK font stack inline so it renders the same elsewhere. */
export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  clone.setAttribute("font-family", fontStack);
  const view = svg.ownerDocument.defaultView;
  const serializer = view ? new view.XMLSerializer() : new XMLSerializer();
  return serializer.serializeToString(clone);
}

const pngScale = 2; // device pixels per CSS pixel, sharp enough for slides and print

/** PNG of an SVG chart, drawn through a canvas; browser only (jsdom has no canvas). */
export async function svgToPng(svg: SVGSVGElement, {scale = pngScale, background = "white"} = {}): Promise<Blob> {
  const document = svg.ownerDocument;
  const window = document.defaultView!;
  const {width, height} = svgSize(svg);
  const url = window.URL.createObjectURL(new window.Blob([serializeSvg(svg)], {type: "image/svg+xml;charset=utf-8"}));
  try {
    const image = new window.Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error(`invalid chart image: ${url}`));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext("2d")!;
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("invalid canvas: empty"))), "image/png")
    );
  } finally {
    window.URL.revokeObjectURL(url);
  }
}

function svgSize(svg: SVGSVGElement): {width: number; height: number} {
  const viewBox = (svg.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  const width = Number(svg.getAttribute("width")) || viewBox[2] || 640;
  const height = Number(svg.getAttribute("height")) || viewBox[3] || 400;
  return {width, height};
}

export interface ChartDownloadsOptions extends DownloadOptions {
  /** File name without extension. */
  filename?: string;
  locale?: Locale;
}

/** SVG and PNG download buttons for a chart. */
export function chartDownloads(
  svg: SVGSVGElement,
  {filename = "chart", locale = defaultLocale, document = globalThis.document}: ChartDownloadsOptions = {}
): HTMLElement {
  const window = () => document.defaultView!;
  return h(
    document,
    "div",
    {class: "chart-downloads"},
    DownloadButton(
      t("download.svg", locale),
      () => new (window().Blob)([serializeSvg(svg)], {type: "image/svg+xml;charset=utf-8"}),
      `${filename}.svg`,
      {document}
    ),
    DownloadButton(t("download.png", locale), () => svgToPng(svg), `${filename}.png`, {document})
  );
}
