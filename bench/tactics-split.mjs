#!/usr/bin/env node
// `node bench/tactics-split.mjs [--people 2000] [--engine sqlite|postgres|both] [--pg URL]`: splits an
// org target over the people × 52 weeks (seasonality, capacity, ramps) and saves the milestones
// through the API's service, on each engine. Also callable from bench/run.mjs: lib/tactics-main.ts.
import { register } from "tsx/esm/api";

register();
const { tacticsMain } = await import("./lib/tactics-main.ts");
process.exitCode = await tacticsMain(process.argv.slice(2));
