// /attainment: closing a finished period freezes the attainment of every milestone and objective in
// it as it stood; closed periods list here with their frozen figures, export as CSV for commission
// work (people × periods, target, actual, attainment), and an admin may reopen one.
import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { metricByKey, type PeriodClose, type PeriodCloseCreate } from "@oars/core";
import { api } from "../api/client";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { useSession } from "../auth/session";
import { tacticalPlansQuery } from "../tactics/queries";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { figure, pct } from "./format";

const KEY = ["progress", "period-closes"];
const FIELDS = ["kind", "period", "tacticalPlanId"] as const;
type Kind = PeriodCloseCreate["kind"];

const exportHref = (periods: string[]) =>
  `/api/v1/attainment/export?period=${encodeURIComponent(periods.join(","))}`;

export function AttainmentPage() {
  const { person } = useSession();
  const client = useQueryClient();
  const notify = useToast();
  const closes = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get<{ items: PeriodClose[] }>("/api/v1/period-closes", { signal }),
  });
  const plans = useQuery(tacticalPlansQuery());
  const [kind, setKind] = useState<Kind>("quarter");
  const [period, setPeriod] = useState("");
  const [planId, setPlanId] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  const close = useMutation({
    mutationFn: (input: PeriodCloseCreate) => api.post<PeriodClose>("/api/v1/period-closes", input),
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: ["progress"] });
      setOpen(c.id);
      notify(`${c.label} closed: ${c.rows.length} figures frozen`);
    },
  });
  const reopen = useMutation({
    mutationFn: (c: PeriodClose) =>
      api.post<PeriodClose>(`/api/v1/period-closes/${c.id}/reopen`, { version: c.version }),
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: ["progress"] });
      notify(`${c.label} reopened`);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    close.mutate(
      kind === "tactical_plan" ? { kind, tacticalPlanId: planId } : { kind, period: period.trim() },
    );
  }
  const serverErrors = apiFieldErrors(close.error, FIELDS);
  const items = closes.data?.items ?? [];
  const closedKeys = items.filter((c) => c.status === "closed").map((c) => c.periodKey);
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Attainment</h1>
          <p className="muted">
            Close a finished period to freeze its attainment as it stands; later changes to deals do not move
            it. Export the frozen figures for commission work.
          </p>
        </div>
        {closedKeys.length > 0 ? (
          <a className="button" href={exportHref(closedKeys)} download>
            Export all closed (CSV)
          </a>
        ) : null}
      </header>
      {person.role === "manager" || person.role === "admin" ? (
        <section className="card" aria-labelledby="close-title">
          <h2 id="close-title" className="card-title">
            Close a period
          </h2>
          <form className="inline-form" onSubmit={submit} noValidate aria-label="Close a period">
            <Field label="Period kind" error={serverErrors.kind}>
              {(control) => (
                <select {...control} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                  <option value="quarter">Fiscal quarter</option>
                  <option value="month">Month</option>
                  <option value="tactical_plan">A tactical plan&apos;s period</option>
                </select>
              )}
            </Field>
            {kind === "tactical_plan" ? (
              <Field label="Tactical plan" error={serverErrors.tacticalPlanId}>
                {(control) => (
                  <select {...control} value={planId} onChange={(e) => setPlanId(e.target.value)}>
                    <option value="">Choose…</option>
                    {(plans.data ?? []).map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <Field
                label={kind === "quarter" ? "Quarter" : "Month"}
                error={serverErrors.period}
                hint={kind === "quarter" ? "For example FY2026-Q3" : "For example 2026-10"}
              >
                {(control) => (
                  <input {...control} value={period} onChange={(e) => setPeriod(e.target.value)} />
                )}
              </Field>
            )}
            <button type="submit" className="button button-primary" disabled={close.isPending}>
              Close the period
            </button>
          </form>
          <FormError message={formLevelError(close.error, FIELDS)} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="closes-title">
        <h2 id="closes-title" className="card-title">
          Closed periods
        </h2>
        {items.length === 0 ? (
          <p className="muted">No period has been closed yet.</p>
        ) : (
          <ul className="link-list" data-testid="period-closes">
            {items.map((c) => (
              <li key={c.id} className="close-item">
                <div className="close-head">
                  <strong>{c.label}</strong>{" "}
                  <span className="muted small">
                    {c.periodStart} to {c.periodEnd} · closed {c.closedAt.slice(0, 10)}
                    {c.status === "reopened" ? ` · reopened ${c.reopenedAt?.slice(0, 10) ?? ""}` : ""}
                  </span>{" "}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setOpen(open === c.id ? null : c.id)}
                  >
                    {open === c.id ? "Hide figures" : "Figures"}
                  </button>{" "}
                  {c.status === "closed" ? (
                    <a href={exportHref([c.periodKey])} download>
                      CSV
                    </a>
                  ) : null}{" "}
                  {person.role === "admin" && c.status === "closed" ? (
                    <button
                      type="button"
                      className="link-button"
                      disabled={reopen.isPending}
                      onClick={() => reopen.mutate(c)}
                    >
                      Reopen
                    </button>
                  ) : null}
                </div>
                {open === c.id ? <CloseRows id={c.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function CloseRows({ id }: { id: string }) {
  const { org } = useSession();
  const q = useQuery({
    queryKey: [...KEY, id],
    queryFn: ({ signal }) => api.get<PeriodClose>(`/api/v1/period-closes/${id}`, { signal }),
  });
  if (q.isPending) return <p className="muted small">Loading…</p>;
  if (q.isError) return <p className="muted small">The figures could not be loaded.</p>;
  const rows = q.data.rows;
  if (rows.length === 0) return <p className="muted small">No figure of this period is in your scope.</p>;
  return (
    <div className="table-scroll">
      <table className="table table-row-heads" data-testid="close-rows">
        <thead>
          <tr>
            <th scope="col">Owner</th>
            <th scope="col">Goal</th>
            <th scope="col">Period</th>
            <th scope="col">Target</th>
            <th scope="col">Actual</th>
            <th scope="col">Attainment</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const p = {
              unit: (r.metricKey && metricByKey(r.metricKey)?.unit) || "count",
              currency: org.currency,
            };
            return (
              <tr key={`${r.kind}-${r.milestoneId ?? r.objectiveId}`}>
                <th scope="row">{r.ownerName}</th>
                <td data-label="Goal">{r.title}</td>
                <td data-label="Period">
                  {r.periodStart} to {r.periodEnd}
                </td>
                <td data-label="Target">{figure(r.target, p)}</td>
                <td data-label="Actual">{figure(r.actual, p)}</td>
                <td data-label="Attainment">{pct(r.attainment)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
