// Chart and UI components, formats and words for the dashboards. Pages may
// import from here or from each file.

export * from "./format.js";
export * from "./i18n.js";
export * from "./palette.js";
export {fontStack} from "./fonts.js";
export {titled, type TitleOptions} from "./titled.js";
export {KpiTile, type KpiTileOptions, type KpiFormat} from "./KpiTile.js";
export {TierBars, type TierBarsOptions, type TierRow} from "./TierBars.js";
export {Heatmap, type HeatmapCell, type HeatmapOptions} from "./Heatmap.js";
export {Sankey, type SankeyGraph, type SankeyLinkInput, type SankeyNodeInput, type SankeyOptions} from "./Sankey.js";
export {TrendLines, type TrendLinesOptions, type TrendRow} from "./TrendLines.js";
export {DataTable, type DataTableColumn, type DataTableOptions} from "./DataTable.js";
export * from "./downloads.js";
export {Figure, mainSvg, type FigureOptions} from "./Figure.js";
export {AvailabilityNotes} from "./AvailabilityNotes.js";
export {CalendarNotes, type IncompleteQuarter} from "./CalendarNotes.js";
