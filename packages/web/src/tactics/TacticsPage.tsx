// /tactics: the tactical plans the reader may see, grouped under their strategic plans, and the
// way to start one for a new quarter or month.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, getRouteApi, useNavigate } from "@tanstack/react-router";
import type { TacticalPlan } from "@oars/core";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { Icon } from "../ui/Icon";
import { formatDate } from "../ui/format";
import { TACTICAL_STATUS_LABELS } from "./labels";
import { NewTacticalPlanDialog } from "./NewTacticalPlanDialog";
import { strategicPlansQuery, tacticalPlansQuery } from "./queries";

const route = getRouteApi("/app/tactics");

export function TacticsPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/tactics" });
  const plans = useQuery(tacticalPlansQuery());
  const strategic = useQuery(strategicPlansQuery);
  const [creating, setCreating] = useState(false);
  const canCreate = (strategic.data ?? []).some((p) => p.canEdit);
  const groups = new Map<string, TacticalPlan[]>();
  for (const p of plans.data ?? []) {
    if (search.planId && p.strategicPlanId !== search.planId) continue;
    groups.set(p.strategicPlanId, [...(groups.get(p.strategicPlanId) ?? []), p]);
  }

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>Tactics</h1>
          <p className="muted">
            Each strategic plan examined for a quarter or a month: targets split into milestones, the funnel
            that gets there, and the actions — who does what by when.
          </p>
        </div>
        <div className="page-actions">
          <Link to="/my-week" className="button">
            My week
          </Link>
          {canCreate ? (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              <Icon name="plus" /> New tactical plan
            </button>
          ) : null}
        </div>
      </header>
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? <ErrorNotice error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      {plans.isSuccess && groups.size === 0 ? (
        <Empty title="No tactical plans yet">
          {canCreate ? "Start one for this quarter from a strategic plan." : null}
        </Empty>
      ) : null}
      {[...groups].map(([strategicId, list]) => (
        <section
          key={strategicId}
          className="card card-flush tactics-group"
          aria-label={list[0]?.strategicPlanTitle}
        >
          <h2 className="tactics-group-title">
            <Link to="/plans/$planId" params={{ planId: strategicId }}>
              {list[0]?.strategicPlanTitle}
            </Link>
          </h2>
          <ul className="link-list tactics-list">
            {list.map((p) => (
              <li key={p.id}>
                <Link to="/tactics/$tacticalPlanId" params={{ tacticalPlanId: p.id }} className="strong">
                  {p.title}
                </Link>
                <span className="muted nowrap">
                  {formatDate(p.periodStart)} – {formatDate(p.periodEnd)}
                </span>
                <span className={`status status-${p.status}`}>{TACTICAL_STATUS_LABELS[p.status]}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {creating ? (
        <NewTacticalPlanDialog
          strategicPlans={strategic.data ?? []}
          tacticalPlans={plans.data ?? []}
          initialPlanId={search.planId}
          onClose={() => setCreating(false)}
          onCreated={(p) =>
            void navigate({ to: "/tactics/$tacticalPlanId", params: { tacticalPlanId: p.id } })
          }
        />
      ) : null}
    </div>
  );
}
