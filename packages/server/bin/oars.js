#!/usr/bin/env node
// The `oars` command: runs the TypeScript sources through tsx, so no build step stands between
// a checkout and a working CLI.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
