#!/usr/bin/env node
// `npm run bench [-- --smoke | --scale 0.1 | --engine sqlite|postgres|both | --pg URL |
// --bench import,progress]`: builds the large organisation of DESIGN.md at the given scale and
// measures, in one run, CSV import and the deals list pages against the raw database, and the live
// progress dashboards against hand-written SQL. Figures and how they were made: bench/RESULTS.md.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./lib/main.ts");
process.exitCode = await main(process.argv.slice(2));
