// /tactics/:id: one tactical plan — its targets grid, funnel, actions and timeline in tabs, with
// its status and the plan checks' tactical findings one click away on the strategic plan.
import { Suspense, lazy } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, getRouteApi } from "@tanstack/react-router";
import type { TacticalPlan, TacticalPlanStatus } from "@oars/core";
import { api, isApiError } from "../api/client";
import { errorMessage } from "../api/errors";
import { ErrorNotice, Loading } from "../ui/Status";
import { useToast } from "../ui/Toast";
import { formatDate } from "../ui/format";
import { MilestoneProgressTable } from "../progress/MilestoneProgressTable";
import { ActionsTab } from "./ActionsTab";
import { FunnelTab } from "./FunnelTab";
import { TACTICAL_STATUS_LABELS } from "./labels";
import { tacticalPlanQuery, useRefreshTactics } from "./queries";
import { TACTIC_TABS, type TacticTab } from "./search";
import { TargetsTab } from "./TargetsTab";

const TAB_LABELS: Record<TacticTab, string> = {
  targets: "Targets",
  progress: "Progress",
  funnel: "Funnel",
  actions: "Actions",
  timeline: "Timeline",
};

const NEXT: Partial<Record<TacticalPlanStatus, { to: TacticalPlanStatus; label: string }>> = {
  draft: { to: "active", label: "Start the plan" },
  active: { to: "closed", label: "Close the period" },
  closed: { to: "active", label: "Reopen" },
};

const route = getRouteApi("/app/tactics/$tacticalPlanId");
// The timeline brings the chart library: load it only when its tab opens.
const TimelineTab = lazy(() => import("./TimelineTab").then((m) => ({ default: m.TimelineTab })));

export function TacticalPlanPage() {
  const { tacticalPlanId } = route.useParams();
  const { tab = "targets" } = route.useSearch();
  const plan = useQuery(tacticalPlanQuery(tacticalPlanId));
  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    return (
      <div className="page narrow">
        {isApiError(plan.error) && plan.error.status === 404 ? (
          <>
            <h1>Tactical plan not found</h1>
            <p className="muted">There is no such plan, or it is not one you can see.</p>
            <Link to="/tactics" className="button">
              Back to tactics
            </Link>
          </>
        ) : (
          <ErrorNotice error={plan.error} onRetry={() => void plan.refetch()} />
        )}
      </div>
    );
  }
  const p = plan.data;
  return (
    <div className="page page-wide">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link to="/tactics">Tactics</Link>
        <span aria-hidden="true"> › </span>
        <Link to="/plans/$planId" params={{ planId: p.strategicPlanId }}>
          {p.strategicPlanTitle}
        </Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{p.title}</span>
      </nav>
      <header className="plan-header">
        <div className="plan-heading">
          <h1 data-testid="tactical-title">{p.title}</h1>
          <p className="plan-meta">
            <span className={`status status-${p.status}`}>{TACTICAL_STATUS_LABELS[p.status]}</span>
            <span className="nowrap">
              {formatDate(p.periodStart)} – {formatDate(p.periodEnd)}
            </span>
            {!p.canEdit && (p.status === "draft" || p.status === "active") ? (
              <span className="tag">Read only</span>
            ) : null}
          </p>
        </div>
        <StatusButton plan={p} />
      </header>
      <nav className="tabs" aria-label="Tactical plan sections">
        {TACTIC_TABS.map((t) => (
          <Link
            key={t}
            to="/tactics/$tacticalPlanId"
            params={{ tacticalPlanId }}
            search={(prev) => ({ ...prev, tab: t })}
            className={t === tab ? "tab tab-on" : "tab"}
            aria-current={t === tab ? "page" : undefined}
          >
            {TAB_LABELS[t]}
          </Link>
        ))}
      </nav>
      <div className="tab-panel">
        {tab === "targets" ? <TargetsTab plan={p} /> : null}
        {tab === "progress" ? <MilestoneProgressTable tacticalPlanId={p.id} /> : null}
        {tab === "funnel" ? <FunnelTab plan={p} /> : null}
        {tab === "actions" ? <ActionsTab plan={p} /> : null}
        {tab === "timeline" ? (
          <Suspense fallback={<Loading />}>
            <TimelineTab plan={p} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}

function StatusButton({ plan }: { plan: TacticalPlan }) {
  const notify = useToast();
  const refresh = useRefreshTactics();
  const next = NEXT[plan.status];
  const client = useQueryClient();
  const change = useMutation({
    // Closing the period freezes its attainment and closes the plan in one step (see /attainment).
    mutationFn: (to: TacticalPlanStatus) =>
      to === "closed"
        ? api.post("/api/v1/period-closes", { kind: "tactical_plan", tacticalPlanId: plan.id })
        : api.patch<TacticalPlan>(`/api/v1/tactical-plans/${plan.id}`, { version: plan.version, status: to }),
    onSuccess: (_, to) => {
      refresh();
      if (to === "closed") {
        void client.invalidateQueries({ queryKey: ["progress"] });
        notify("Period closed: its attainment is frozen as it stands");
      }
    },
    onError: (e) => notify(errorMessage(e), "error"),
  });
  // Status belongs to whoever may change the strategic plan; a closed plan shows canEdit false.
  if (!next || (!plan.canEdit && plan.status !== "closed")) return null;
  return (
    <div className="plan-actions">
      <button
        type="button"
        className="button"
        disabled={change.isPending}
        onClick={() => change.mutate(next.to)}
      >
        {next.label}
      </button>
    </div>
  );
}
