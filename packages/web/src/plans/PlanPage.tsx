// /plans/:id: one strategic plan, in tabs — overview and statement, refinement Q&A, objectives,
// initiatives, plan checks and the comparison with the baseline recorded at activation.
import { useQuery } from "@tanstack/react-query";
import { Link, getRouteApi } from "@tanstack/react-router";
import { isApiError } from "../api/client";
import { teamsQuery } from "../team/queries";
import { ErrorNotice, Loading } from "../ui/Status";
import { formatDate } from "../ui/format";
import { BaselineTab } from "./BaselineTab";
import { ChecksTab } from "./ChecksTab";
import { InitiativesTab } from "./InitiativesTab";
import { PLAN_STATUS_LABELS, ownerName } from "./labels";
import { ObjectivesTab } from "./ObjectivesTab";
import { PlanActions } from "./PlanActions";
import { PlanOverview } from "./PlanOverview";
import { checksQuery, everyoneQuery, planQuery } from "./queries";
import { RefinementTab } from "./RefinementTab";
import { PLAN_TABS, type PlanTab } from "./search";

const TAB_LABELS: Record<PlanTab, string> = {
  overview: "Overview",
  refinement: "Refinement",
  objectives: "Objectives",
  initiatives: "Initiatives",
  checks: "Checks",
  baseline: "Baseline",
};

const route = getRouteApi("/app/plans/$planId");

export function PlanPage() {
  const { planId } = route.useParams();
  const { tab = "overview", focus } = route.useSearch();
  const plan = useQuery(planQuery(planId));
  const checks = useQuery(checksQuery(planId));
  const people = useQuery(everyoneQuery);
  const teams = useQuery(teamsQuery);

  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    return (
      <div className="page narrow">
        {isApiError(plan.error) && plan.error.status === 404 ? (
          <>
            <h1>Plan not found</h1>
            <p className="muted">There is no such plan, or it is not one you can see.</p>
            <Link to="/plans" className="button">
              Back to plans
            </Link>
          </>
        ) : (
          <ErrorNotice error={plan.error} onRetry={() => void plan.refetch()} />
        )}
      </div>
    );
  }
  const p = plan.data;
  const errors = checks.data?.findings.filter((f) => f.severity === "error").length ?? 0;
  const warnings = (checks.data?.findings.length ?? 0) - errors;

  return (
    <div className="page page-wide">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link to="/plans">Plans</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{p.title}</span>
      </nav>
      <header className="plan-header">
        <div className="plan-heading">
          <h1 data-testid="plan-title">{p.title}</h1>
          <p className="plan-meta">
            <span className={`status status-${p.status}`}>{PLAN_STATUS_LABELS[p.status]}</span>
            <span>{ownerName(p.ownerType, p.ownerId, people.data, teams.data)}</span>
            <span className="nowrap">
              {formatDate(p.horizonStart)} – {formatDate(p.horizonEnd)}
            </span>
            {!p.canEdit && p.status !== "closed" && p.status !== "archived" ? (
              <span className="tag">Read only</span>
            ) : null}
          </p>
        </div>
        <PlanActions plan={p} />
      </header>

      <nav className="tabs" aria-label="Plan sections">
        {PLAN_TABS.map((t) => (
          <Link
            key={t}
            to="/plans/$planId"
            params={{ planId }}
            search={{ tab: t }}
            className={t === tab ? "tab tab-on" : "tab"}
            aria-current={t === tab ? "page" : undefined}
          >
            {TAB_LABELS[t]}
            {t === "checks" && checks.isSuccess ? (
              <span
                className={
                  errors > 0 ? "count count-error" : warnings > 0 ? "count count-warn" : "count count-ok"
                }
              >
                {errors + warnings}
              </span>
            ) : null}
          </Link>
        ))}
      </nav>

      <div className="tab-panel">
        {tab === "overview" ? <PlanOverview plan={p} /> : null}
        {tab === "refinement" ? <RefinementTab plan={p} focus={focus} /> : null}
        {tab === "objectives" ? <ObjectivesTab plan={p} focus={focus} /> : null}
        {tab === "initiatives" ? <InitiativesTab plan={p} focus={focus} /> : null}
        {tab === "checks" ? <ChecksTab plan={p} /> : null}
        {tab === "baseline" ? <BaselineTab plan={p} /> : null}
      </div>
    </div>
  );
}
