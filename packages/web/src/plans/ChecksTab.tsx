// Plan checks: a linter for the plan. Each finding says what is wrong in plain words and links to
// the thing to fix.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { PlanChecks, StrategicPlan } from "@oars/core";
import { ErrorNotice, Loading } from "../ui/Status";
import { checksQuery } from "./queries";
import type { PlanSearch } from "./search";

type Finding = PlanChecks["findings"][number];

/** Where in the plan page a finding is fixed. */
function fixAt(f: Finding): PlanSearch {
  switch (f.target.kind) {
    case "objective":
      return { tab: "objectives", focus: f.target.id };
    case "initiative":
      return { tab: "initiatives", focus: f.target.id };
    case "question":
      return { tab: "refinement", focus: f.target.id };
    default:
      // Too many objectives for one owner: the objectives list is where to rebalance.
      return { tab: "objectives" };
  }
}

const FIX_LABEL: Partial<Record<Finding["target"]["kind"], string>> = {
  objective: "Fix the objective",
  initiative: "Fix the initiative",
  question: "Answer the question",
};

export function ChecksTab({ plan }: { plan: StrategicPlan }) {
  const checks = useQuery(checksQuery(plan.id));
  if (checks.isPending) return <Loading />;
  if (checks.isError) return <ErrorNotice error={checks.error} onRetry={() => void checks.refetch()} />;
  const findings = checks.data.findings;
  if (findings.length === 0)
    return (
      <div className="card checks-clear" data-testid="checks-clear">
        <p className="strong">Nothing to fix.</p>
        <p className="muted">
          Every objective is measurable, dated, owned and served by an initiative, and the required questions
          are answered.
        </p>
      </div>
    );
  return (
    <div className="stack">
      <p className="muted intro">
        Errors make progress unmeasurable or the plan inconsistent; warnings are advice you may knowingly
        overrule.
      </p>
      <ul className="findings" data-testid="findings">
        {findings.map((f, i) => (
          <li key={`${f.code}-${f.target.id}-${i}`} className={`finding finding-${f.severity}`}>
            <span className="finding-mark" aria-hidden="true">
              {f.severity === "error" ? "!" : "?"}
            </span>
            <div className="finding-main">
              <p>
                <span className="visually-hidden">{f.severity === "error" ? "Error: " : "Warning: "}</span>
                {f.message}
              </p>
              <Link to="/plans/$planId" params={{ planId: plan.id }} search={fixAt(f)} className="small">
                {FIX_LABEL[f.target.kind] ?? "Review the objectives"} →
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
