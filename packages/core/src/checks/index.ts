// Plan checks: a linter that reads a plan (and its tactics) as plain data and names what is
// missing, inconsistent or overloaded, each finding pointing at the thing to fix.
export * from "./types";
export { alignmentCycle, alignmentCycles, type AlignedObjective } from "./alignment";
export { checkPlan, compareFindings } from "./check-plan";
