// @oars/core: the pure domain of Oars — contracts (zod), calendars, target splitting, funnel, pace
// and plan checks. No I/O: the server and the web app both build on it.
import { z } from "zod";

// No code generation with new Function: the web app's Content-Security-Policy forbids eval, and
// zod would log a CSP violation probing for it on every page load.
z.config({ jitless: true });

export * from "./contracts/common";
export * from "./contracts/org";
export * from "./contracts/auth";
export * from "./contracts/audit";
export * from "./tree";
export * from "./password";
export * from "./errors";
export * from "./metrics";
export * from "./contracts/plans";
export * from "./checks";
export * from "./progress";
export * from "./calendar/index";
export * from "./targets/index";
export * from "./funnel/index";
export * from "./contracts/notifications";
export * from "./contracts/plan-document";
export * from "./plans/index";
export * from "./contracts/crm-common";
export * from "./contracts/crm-catalogue";
export * from "./contracts/crm-accounts";
export * from "./contracts/crm-deals";
export * from "./contracts/crm-activities";
export * from "./contracts/crm-views";
export * from "./contracts/crm-import";
export * from "./contracts/tactics";
export * from "./contracts/progress";
export * from "./tactics/index";
