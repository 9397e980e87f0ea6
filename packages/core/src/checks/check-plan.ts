// checkPlan: the linter for plans. Runs every check and orders the findings so the same plan
// always reads the same way, whatever order the server loaded its rows in.
import { compareText } from "./alignment";
import {
  cycleFindings,
  dateFindings,
  focusFindings,
  initiativeFindings,
  liveObjectives,
  measurabilityFindings,
  questionFindings,
} from "./strategic";
import { actionFindings, capacityFindings, coverageFindings, milestoneFindings } from "./tactical";
import { PLAN_CHECK_CODES, type PlanCheckInput, type PlanCheckOptions, type PlanFinding } from "./types";

const CODE_ORDER = new Map<string, number>(PLAN_CHECK_CODES.map((code, i) => [code, i]));

/** Errors first, then by check (in PLAN_CHECK_CODES order), then by the target's id. */
export function compareFindings(a: PlanFinding, b: PlanFinding): number {
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  const byCode = (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0);
  if (byCode !== 0) return byCode;
  return (
    compareText(a.target.kind, b.target.kind) ||
    compareText(a.target.id, b.target.id) ||
    compareText(a.message, b.message)
  );
}

export function checkPlan(input: PlanCheckInput, options: PlanCheckOptions = {}): PlanFinding[] {
  const live = liveObjectives(input);
  const dueDateOf = new Map(live.map((o) => [o.id, o.dueDate]));
  const cycles = cycleFindings(live);
  const findings: PlanFinding[] = [
    ...cycles.findings,
    ...live.flatMap((o) => measurabilityFindings(o)),
    ...live.flatMap((o) => dateFindings(input, o, dueDateOf, cycles.onCycle)),
    ...initiativeFindings(input, live),
    ...focusFindings(live, options.maxObjectivesPerOwner ?? 5),
    ...questionFindings(input),
  ];
  if (input.tactical) {
    findings.push(
      ...milestoneFindings(input.tactical, live),
      ...actionFindings(input.tactical),
      ...capacityFindings(input.tactical),
      ...coverageFindings(input.tactical, live),
    );
  }
  return findings.sort(compareFindings);
}
