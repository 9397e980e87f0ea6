// Pace, forecast and status of one objective or milestone: expected by now along the milestone
// schedule, run-rate or weighted-pipeline forecast, coverage, and the alerts a change deserves.
export * from "./types";
export * from "./pace";
export * from "./forecast";
export * from "./status";
export * from "./objective-progress";
export * from "./closed-period";
