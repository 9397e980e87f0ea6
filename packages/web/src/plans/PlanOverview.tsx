// The plan's overview: its statement, how far it has come (questions answered, objectives,
// initiatives, checks), the objectives at a glance, and the conversation about it.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { StrategicPlan } from "@oars/core";
import { useSession } from "../auth/session";
import { formatDate, formatInstant } from "../ui/format";
import { PlanTacticsCard } from "../tactics/PlanTacticsCard";
import { Comments } from "./Comments";
import { PERSPECTIVE_LABELS, objectiveValue } from "./labels";
import { checksQuery, initiativesQuery, objectivesQuery, refinementQuery } from "./queries";

export function PlanOverview({ plan }: { plan: StrategicPlan }) {
  const currency = useSession().org.currency;
  const objectives = useQuery(objectivesQuery(plan.id));
  const initiatives = useQuery(initiativesQuery(plan.id));
  const refinement = useQuery(refinementQuery(plan.id));
  const checks = useQuery(checksQuery(plan.id));
  const answered = refinement.data?.filter((r) => r.answer?.answer.trim()).length ?? 0;
  const required = refinement.data?.filter((r) => r.question.required) ?? [];
  const requiredOpen = required.filter((r) => !r.answer?.answer.trim()).length;
  const findings = checks.data?.findings ?? [];
  const errors = findings.filter((f) => f.severity === "error").length;

  return (
    <div className="overview-grid">
      <div className="stack">
        <section className="card statement-card" aria-labelledby="statement-title">
          <h2 id="statement-title" className="card-title">
            Where we want to be
          </h2>
          {plan.statement.trim() ? (
            <p className="statement">{plan.statement}</p>
          ) : (
            <p className="muted">
              No statement yet. {plan.canEdit ? "Use Edit details to say where the plan leads." : null}
            </p>
          )}
          <dl className="facts">
            <dt>Horizon</dt>
            <dd>
              {formatDate(plan.horizonStart)} – {formatDate(plan.horizonEnd)}
            </dd>
            <dt>Baseline</dt>
            <dd>
              {plan.baselineAt
                ? `Recorded ${formatInstant(plan.baselineAt)}`
                : "Recorded when the plan is activated"}
            </dd>
          </dl>
        </section>

        <section className="card overview-objectives" aria-labelledby="glance-title">
          <h2 id="glance-title" className="card-title">
            Objectives at a glance
          </h2>
          {objectives.data && objectives.data.length > 0 ? (
            <ul className="glance">
              {objectives.data.map((o) => (
                <li key={o.id}>
                  <Link
                    to="/plans/$planId"
                    params={{ planId: plan.id }}
                    search={{ tab: "objectives", focus: o.id }}
                  >
                    {o.title}
                  </Link>
                  <span className="muted small">
                    {PERSPECTIVE_LABELS[o.perspective]} · target {objectiveValue(o, o.target, currency)}
                    {o.dueDate ? ` by ${formatDate(o.dueDate)}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No objectives yet.</p>
          )}
        </section>
      </div>
      <div className="stack">
        <section className="card" aria-labelledby="progress-title">
          <h2 id="progress-title" className="card-title">
            Getting the plan ready
          </h2>
          <ul className="readiness">
            <li className={requiredOpen === 0 ? "ready" : "not-ready"}>
              <Link to="/plans/$planId" params={{ planId: plan.id }} search={{ tab: "refinement" }}>
                Refinement questions
              </Link>
              <span className="muted">
                {answered} of {refinement.data?.length ?? "…"} answered
                {requiredOpen > 0 ? `, ${requiredOpen} required still open` : ""}
              </span>
            </li>
            <li className={(objectives.data?.length ?? 0) > 0 ? "ready" : "not-ready"}>
              <Link to="/plans/$planId" params={{ planId: plan.id }} search={{ tab: "objectives" }}>
                Objectives
              </Link>
              <span className="muted">{objectives.data?.length ?? "…"} measurable goals</span>
            </li>
            <li className={(initiatives.data?.length ?? 0) > 0 ? "ready" : "not-ready"}>
              <Link to="/plans/$planId" params={{ planId: plan.id }} search={{ tab: "initiatives" }}>
                Key initiatives
              </Link>
              <span className="muted">{initiatives.data?.length ?? "…"} serving them</span>
            </li>
            <li className={findings.length === 0 ? "ready" : errors > 0 ? "not-ready" : "almost"}>
              <Link to="/plans/$planId" params={{ planId: plan.id }} search={{ tab: "checks" }}>
                Plan checks
              </Link>
              <span className="muted">
                {checks.isSuccess
                  ? findings.length === 0
                    ? "Nothing to fix"
                    : `${errors} to fix, ${findings.length - errors} to consider`
                  : "…"}
              </span>
            </li>
          </ul>
        </section>

        <PlanTacticsCard plan={plan} />

        <section className="card overview-comments" aria-labelledby="talk-title">
          <h2 id="talk-title" className="card-title">
            Discussion
          </h2>
          <Comments entity="plan" entityId={plan.id} plan={plan} />
        </section>
      </div>
    </div>
  );
}
