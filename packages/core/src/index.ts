// @oars/core: the pure domain of Oars — contracts (zod), calendars, target splitting, funnel, pace
// and plan checks. No I/O: the server and the web app both build on it.
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
