// /plans: the strategic plans the reader may see, filtered by owner, status and horizon, and the
// way to start a new one (blank or from a template).
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, getRouteApi, useNavigate } from "@tanstack/react-router";
import type { PlanStatus } from "@oars/core";
import { useSession } from "../auth/session";
import { teamsQuery } from "../team/queries";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { Icon } from "../ui/Icon";
import { formatDate } from "../ui/format";
import { PLAN_STATUS_LABELS, ownerName, plannableOwners } from "./labels";
import { NewPlanDialog } from "./NewPlanDialog";
import { everyoneQuery, plansQuery, templatesQuery } from "./queries";
import type { PlansSearch } from "./search";

const route = getRouteApi("/app/plans");

export function PlansPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/plans" });
  const session = useSession();
  const [ownerType, ownerId] = (search.owner ?? "").split(":");
  const plans = useQuery(
    plansQuery({
      ownerType: ownerType === "person" || ownerType === "team" ? ownerType : undefined,
      ownerId: ownerId || undefined,
      status: search.status,
      from: search.year ? `${search.year}-01-01` : undefined,
      to: search.year ? `${search.year}-12-31` : undefined,
    }),
  );
  const teams = useQuery(teamsQuery);
  const people = useQuery(everyoneQuery);
  const templates = useQuery(templatesQuery);
  const [creating, setCreating] = useState(false);
  const owners = teams.data && people.data ? plannableOwners(session, teams.data, people.data) : [];
  const thisYear = Number(new Date().toISOString().slice(0, 4));
  const set = (patch: Partial<PlansSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }) });

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>Plans</h1>
          <p className="muted">
            Where each team and person means to be in a year or two: objectives that can be measured, aligned
            under the goals above them, and the initiatives that will get there.
          </p>
        </div>
        <div className="page-actions">
          <Link to="/strategy-map" className="button">
            Strategy map
          </Link>
          {owners.length > 0 ? (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              <Icon name="plus" /> New plan
            </button>
          ) : null}
        </div>
      </header>

      <div className="toolbar plan-filters" role="search" aria-label="Filter plans">
        <label className="field-inline">
          <span>Owner</span>
          <select
            className="input input-small"
            value={search.owner ?? ""}
            onChange={(e) => set({ owner: e.target.value || undefined })}
          >
            <option value="">Anyone</option>
            <option value={`person:${session.person.id}`}>Me</option>
            <optgroup label="Teams">
              {(teams.data ?? [])
                .filter((t) => !t.archived)
                .map((t) => (
                  <option key={t.id} value={`team:${t.id}`}>
                    {t.name}
                  </option>
                ))}
            </optgroup>
            <optgroup label="People">
              {(people.data ?? [])
                .filter((p) => p.active && p.id !== session.person.id)
                .map((p) => (
                  <option key={p.id} value={`person:${p.id}`}>
                    {p.name}
                  </option>
                ))}
            </optgroup>
          </select>
        </label>
        <label className="field-inline">
          <span>Status</span>
          <select
            className="input input-small"
            value={search.status ?? ""}
            onChange={(e) => set({ status: (e.target.value || undefined) as PlanStatus | undefined })}
          >
            <option value="">Any but archived</option>
            {(Object.keys(PLAN_STATUS_LABELS) as PlanStatus[]).map((s) => (
              <option key={s} value={s}>
                {PLAN_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>Horizon</span>
          <select
            className="input input-small"
            value={search.year ?? ""}
            onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : undefined })}
          >
            <option value="">Any time</option>
            {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
              <option key={y} value={y}>
                Runs in {y}
              </option>
            ))}
          </select>
        </label>
      </div>

      <section className="card card-flush" aria-label="Plans">
        {plans.isPending ? <Loading /> : null}
        {plans.isError ? <ErrorNotice error={plans.error} onRetry={() => void plans.refetch()} /> : null}
        {plans.isSuccess && plans.data.length === 0 ? (
          <Empty
            title={
              search.owner || search.status || search.year ? "No plan matches these filters" : "No plans yet"
            }
          >
            {owners.length > 0
              ? "Start one from a template: it asks for a few numbers and fills in the rest."
              : null}
          </Empty>
        ) : null}
        {plans.isSuccess && plans.data.length > 0 ? (
          <div className="table-wrap">
            <table className="table" data-testid="plans-table">
              <thead>
                <tr>
                  <th>Plan</th>
                  <th>Owner</th>
                  <th>Horizon</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {plans.data.map((p) => (
                  <tr key={p.id}>
                    <td data-label="Plan">
                      <Link to="/plans/$planId" params={{ planId: p.id }} className="strong">
                        {p.title}
                      </Link>
                      {p.templateKey ? (
                        <span className="muted small block">
                          From {templates.data?.find((t) => t.key === p.templateKey)?.name ?? "a template"}
                        </span>
                      ) : null}
                    </td>
                    <td data-label="Owner">{ownerName(p.ownerType, p.ownerId, people.data, teams.data)}</td>
                    <td data-label="Horizon" className="nowrap">
                      {formatDate(p.horizonStart)} – {formatDate(p.horizonEnd)}
                    </td>
                    <td data-label="Status">
                      <span className={`status status-${p.status}`}>{PLAN_STATUS_LABELS[p.status]}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      {creating ? (
        <NewPlanDialog
          owners={owners}
          templates={templates.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(id) => void navigate({ to: "/plans/$planId", params: { planId: id } })}
        />
      ) : null}
    </div>
  );
}
