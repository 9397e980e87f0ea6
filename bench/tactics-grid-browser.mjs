#!/usr/bin/env node
// `node bench/tactics-grid-browser.mjs [--rows 200] [--edits 60]`: times the target grid editor in
// Chromium (build the web app first: npm run build). A benchmark, not a test: it prints figures.
import { register } from "tsx/esm/api";

register();
const { gridBrowserBench } = await import("./lib/tactics-grid-browser.ts");
process.exitCode = await gridBrowserBench(process.argv.slice(2));
