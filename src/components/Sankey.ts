// Tier migration flows between quarters, drawn with d3-sankey: one column per
// period, one node per tier (plus new / exited), links sized by clients.
//
// d3-sankey writes its layout into the nodes and links it is given (index,
// sourceLinks, x0, width, …), so the component lays out copies and the
// caller's graph is left as it was.

import {sankey, sankeyLinkHorizontal, type SankeyLink as LaidLink, type SankeyNode as LaidNode} from "d3-sankey";
import {s} from "./dom.js";
import {fontStack} from "./fonts.js";
import {formatCount, formatQuarter} from "./format.js";
import {localLabel, t} from "./i18n.js";
import {defaultLocale, type Locale} from "./locale.js";
import {isSpecialState, tierColor} from "./palette.js";
import {titled} from "./titled.js";

export interface SankeyNodeInput {
  id: string;
  label?: string | {zh: string; en: string};
  /** The period the node belongs to, e.g. "2025Q4"; one column per period. */
  period: string;
  /** The tier id, or "new" / "exited" / "churned"; decides colour and order. */
  state: string;
}

export interface SankeyLinkInput {
  source: string;
  target: string;
  value: number | null | undefined;
  suppressed?: boolean;
}

export interface SankeyGraph {
  nodes: readonly SankeyNodeInput[];
  links: readonly SankeyLinkInput[];
}

export interface SankeyOptions {
  width?: number;
  height?: number;
  /** Tier ids in configuration order, highest first: the top-to-bottom order in each column. */
  ladder?: readonly string[];
  /** Column order; defaults to the nodes' periods sorted ("2024Q4" < "2025Q1"). */
  periods?: readonly string[];
  /** Colour by state, as a map or a function of the node. */
  colors?: Record<string, string> | ((node: SankeyNodeInput) => string);
  nodeWidth?: number;
  nodePadding?: number;
  unit?: string;
  title?: string;
  subtitle?: string;
  caption?: string;
  locale?: Locale;
  document?: Document;
}

type NodeExtra = SankeyNodeInput & {column: number; name: string};
type Node = LaidNode<NodeExtra, {}>;
type Link = LaidLink<NodeExtra, {}>;

const margin = {top: 24, right: 4, bottom: 4, left: 4}; // px; the top holds the period headings
const labelGap = 6; // px between a node and its label

/** Width of a label at font-size 10, estimated: CJK glyphs are square, Latin and digits about half as wide. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch.codePointAt(0)! >= 0x2e80 ? 10 : 5.8;
  return width;
}

export function Sankey(
  graph: SankeyGraph,
  {
    width = 640,
    height = 400,
    ladder = [...new Set(graph.nodes.map((d) => d.state).filter((id) => !isSpecialState(id)))],
    periods = [...new Set(graph.nodes.map((d) => d.period))].sort(),
    colors,
    nodeWidth = 14,
    nodePadding = 12,
    locale = defaultLocale,
    unit = t("unit.clients", locale),
    title,
    subtitle,
    caption,
    document = globalThis.document,
  }: SankeyOptions = {}
): SVGSVGElement | HTMLElement {
  const colorOf = (node: SankeyNodeInput) =>
    typeof colors === "function" ? colors(node) : (colors?.[node.state] ?? tierColor(node.state, ladder));
  // Highest tier on top, then states off the ladder (new, exited) at the bottom.
  const rank = (node: SankeyNodeInput) => {
    const i = ladder.indexOf(node.state);
    return i < 0 ? ladder.length + (node.state === "new" ? 0 : 1) : i;
  };
  const count = (v: number | null | undefined) => formatCount(v, {locale, unit});

  const nodes: NodeExtra[] = graph.nodes.map((d) => ({
    ...d,
    column: periods.indexOf(d.period),
    name: localLabel(d.label, locale) || d.state,
  }));
  // Suppressed and empty flows cannot be drawn to scale; they are left out.
  const links = graph.links
    .filter((d) => !d.suppressed && d.value != null && d.value > 0)
    .map((d) => ({source: d.source, target: d.target, value: d.value as number}));

  const lastColumn = periods.length - 1;
  const lay = (right: number) => {
    const layout = sankey<NodeExtra, {}>()
      .nodeId((d) => d.id)
      .nodeWidth(nodeWidth)
      .nodePadding(nodePadding)
      .nodeAlign((d) => (d as Node).column)
      .nodeSort((a, b) => rank(a) - rank(b))
      .extent([
        [margin.left, margin.top],
        [width - right, height - margin.bottom],
      ]);
    // d3-sankey mutates what it is given: a fresh copy per pass.
    const laid = layout({nodes: nodes.map((d) => ({...d})), links: links.map((d) => ({...d}))}) as {nodes: Node[]; links: Link[]};
    // d3-sankey spreads columns over the deepest link chain; pin every node to
    // its period's column so a period without inflows still lines up.
    const step = (width - margin.left - right - nodeWidth) / Math.max(1, lastColumn);
    for (const node of laid.nodes) {
      node.x0 = margin.left + Math.max(0, node.column) * step;
      node.x1 = node.x0 + nodeWidth;
    }
    return {...laid, step};
  };
  // Labels sit right of their nodes, the last column's too (left of them they
  // ran into the previous column's labels): a first pass finds the last
  // column's label widths, and the columns end early enough to leave them
  // room, at most a quarter of the width.
  const labelText = (node: Node) => `${node.name} ${count(node.value)}`;
  const lastLabels = lay(margin.right).nodes.filter((n) => n.column === lastColumn && lastColumn > 0 && (n.value ?? 0) > 0);
  const right = lastLabels.length ? Math.min(width / 4, labelGap + Math.max(...lastLabels.map((n) => textWidth(labelText(n)))) + margin.right) : margin.right;
  const laid = lay(right);
  const step = laid.step;

  const svg = s(document, "svg", {
    class: "seg-sankey",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    "font-family": fontStack,
    "font-size": 10,
    role: "img",
    "aria-label": t("page.migration", locale),
  }) as SVGSVGElement;
  svg.setAttribute("style", "max-width: 100%; height: auto;");

  const headings = s(document, "g", {"aria-label": "periods", fill: "currentColor", "font-weight": "bold"});
  periods.forEach((period, i) => {
    const x = margin.left + i * step + nodeWidth / 2;
    const anchor = i === 0 ? "start" : "middle";
    const ax = i === 0 ? margin.left : x;
    headings.append(s(document, "text", {x: ax, y: 12, "text-anchor": anchor}, formatQuarter(period, locale)));
  });
  svg.append(headings);

  const path = sankeyLinkHorizontal<NodeExtra, {}>();
  const linkGroup = s(document, "g", {"aria-label": "links", fill: "none", "stroke-opacity": 0.4});
  for (const link of laid.links) {
    const source = link.source as Node;
    const target = link.target as Node;
    linkGroup.append(
      s(
        document,
        "path",
        {d: path(link) ?? "", stroke: colorOf(source), "stroke-width": Math.max(1, link.width ?? 0)},
        s(document, "title", {}, `${source.name} → ${target.name}: ${count(link.value)}`)
      )
    );
  }
  svg.append(linkGroup);

  const nodeGroup = s(document, "g", {"aria-label": "nodes"});
  for (const node of laid.nodes) {
    nodeGroup.append(
      s(
        document,
        "rect",
        {
          x: node.x0,
          y: node.y0,
          width: (node.x1 ?? 0) - (node.x0 ?? 0),
          height: Math.max(1, (node.y1 ?? 0) - (node.y0 ?? 0)),
          fill: colorOf(node),
          "data-id": node.id,
        },
        s(document, "title", {}, `${node.name} · ${formatQuarter(node.period, locale)}: ${count(node.value)}`)
      )
    );
  }
  svg.append(nodeGroup);

  const labelGroup = s(document, "g", {"aria-label": "labels", fill: "currentColor"});
  for (const node of laid.nodes) {
    if ((node.value ?? 0) <= 0) continue;
    labelGroup.append(
      s(
        document,
        "text",
        {
          x: (node.x1 ?? 0) + labelGap,
          y: ((node.y0 ?? 0) + (node.y1 ?? 0)) / 2,
          dy: "0.35em",
          "text-anchor": "start",
        },
        node.name + " ",
        s(document, "tspan", {"fill-opacity": 0.7}, count(node.value))
      )
    );
  }
  svg.append(labelGroup);

  return titled(svg, {title, subtitle, caption, document});
}
