// The published site. Works offline: pages import libraries from node_modules
// (Framework bundles them into dist/_node), no web fonts, no search index
// fetched from a CDN, no telemetry (set OBSERVABLE_TELEMETRY_DISABLE; the npm
// scripts do).

import {existsSync, readFileSync} from "node:fs";
import path from "node:path";
import {nodeBinScript} from "./loaders/cli/nodeBin.js";

// The report pages, one per quarter the current pipeline outputs cover
// (npm run build and npm run dev bring them up to date first).
function reportQuarters(): string[] {
  const workDir = process.env.SEG_WORK_DIR ?? path.join("data", "work");
  const current = path.join(workDir, "current.json");
  if (!existsSync(current)) return [];
  const {key} = JSON.parse(readFileSync(current, "utf8"));
  const run = path.join(workDir, key, "run.json");
  return existsSync(run) ? JSON.parse(readFileSync(run, "utf8")).quarters : [];
}

const quarters = reportQuarters();

export default {
  title: "客户分层工作台 · Segmentation",
  // SEG_ROOT: a copy of src/ beside it, for builds that must not share
  // Framework's cache with the main site (npm run build -- --isolated).
  root: process.env.SEG_ROOT ?? "src",
  output: process.env.SEG_OUTPUT ?? "dist",
  // Framework's default theme pulls Google Fonts through its stylesheet; ours
  // uses the system's CJK fonts instead.
  globalStylesheets: [],
  style: "style.css",
  head: '<meta name="robots" content="noindex">',
  footer: "示例银行 · 客户分层工作台 — 仅供内部使用 · internal use only",
  search: false,
  // TypeScript data loaders run as `node <tsx's cli> loader.ts`. Framework's
  // default, a command named "tsx", is found on Linux and macOS but not on
  // Windows, where it is tsx.cmd and Node spawns only .exe files without a shell.
  interpreters: {".ts": [process.execPath, nodeBinScript("tsx")]},
  pager: false,
  toc: false,
  pages: [
    {name: "概览 Overview", path: "/"},
    {name: "客户分层 Segments", path: "/segments"},
    {name: "分层迁移 Migration", path: "/migration"},
    {name: "营销活动 Campaigns", path: "/campaigns"},
    {name: "数据质量 Data quality", path: "/quality"},
    {name: "方法说明 Methodology", path: "/methodology"},
    {name: "参数试算 Explore", path: "/explore"},
    {name: "分析笔记 Notebook", path: "/notebooks/template"},
    {
      name: "季度报告 Reports",
      open: false,
      pages: quarters.map((q) => ({name: q, path: `/reports/${q}`})),
    },
  ],
  dynamicPaths: quarters.map((q) => `/reports/${q}`),
};
