// On a strategic plan's overview: its tactical plans, quarter by quarter, and the way to start this
// quarter's — or, once this quarter has one, the next quarter's from the last one.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import type { StrategicPlan } from "@oars/core";
import { formatDate } from "../ui/format";
import { TACTICAL_STATUS_LABELS } from "./labels";
import { NewTacticalPlanDialog } from "./NewTacticalPlanDialog";
import { tacticalPlansQuery } from "./queries";

const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function PlanTacticsCard({ plan }: { plan: StrategicPlan }) {
  const navigate = useNavigate();
  const tactical = useQuery(tacticalPlansQuery(plan.id));
  const [creating, setCreating] = useState(false);
  const list = [...(tactical.data ?? [])].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const today = new Date().toISOString().slice(0, 10);
  const current = list.find((t) => t.periodStart <= today && today <= t.periodEnd);
  const last = list.at(-1);
  // This quarter is planned: the next one starts the day after the last plan ends, from that plan.
  const next = current && last ? { start: dayAfter(last.periodEnd), from: last.id } : null;
  const canCreate = plan.canEdit && (plan.status === "draft" || plan.status === "active");

  return (
    <section className="card plan-tactics" aria-labelledby="plan-tactics-title" data-testid="plan-tactics">
      <div className="section-head">
        <h2 id="plan-tactics-title" className="card-title">
          Tactical plans
        </h2>
        <Link to="/tactics" search={{ planId: plan.id }} className="small">
          All of them
        </Link>
      </div>
      {tactical.isSuccess && list.length === 0 ? (
        <p className="muted small">Not examined for a quarter yet.</p>
      ) : null}
      <ul className="link-list">
        {list.slice(-4).map((t) => (
          <li key={t.id}>
            <Link to="/tactics/$tacticalPlanId" params={{ tacticalPlanId: t.id }}>
              {t.title}
            </Link>{" "}
            <span className="muted small nowrap">
              {formatDate(t.periodStart)} – {formatDate(t.periodEnd)}
            </span>{" "}
            <span className={`status status-${t.status}`}>{TACTICAL_STATUS_LABELS[t.status]}</span>
          </li>
        ))}
      </ul>
      {canCreate && tactical.isSuccess ? (
        <button type="button" className="button button-small" onClick={() => setCreating(true)}>
          {next ? "New tactical plan for the next quarter" : "New tactical plan for this quarter"}
        </button>
      ) : null}
      {creating ? (
        <NewTacticalPlanDialog
          strategicPlans={[plan]}
          tacticalPlans={list}
          initialPlanId={plan.id}
          initialStart={next?.start ?? today}
          initialCopyFromId={next?.from}
          onClose={() => setCreating(false)}
          onCreated={(t) =>
            void navigate({ to: "/tactics/$tacticalPlanId", params: { tacticalPlanId: t.id } })
          }
        />
      ) : null}
    </section>
  );
}
