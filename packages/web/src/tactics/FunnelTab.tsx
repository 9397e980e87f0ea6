// The funnel tab: the plan's assumptions (editable), what they ask for per period and per person per
// week, what history says about them, and what-if scenarios side by side — computed in the browser
// by the core's compareScenarios, and applied to the plan with one click.
import { useMemo, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import {
  compareScenarios,
  periodsBetween,
  type FunnelPlanAssumptions,
  type FunnelScenario,
  type TacticalFunnel,
  type TacticalPlan,
} from "@oars/core";
import { api, request } from "../api/client";
import { errorMessage } from "../api/errors";
import { useSession } from "../auth/session";
import { ErrorNotice, Loading } from "../ui/Status";
import { useToast } from "../ui/Toast";
import { FunnelTable, ScenarioEditor, type Variant } from "./FunnelTable";
import { funnelQuery, useRefreshTactics } from "./queries";

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

export function FunnelTab({ plan }: { plan: TacticalPlan }) {
  const funnel = useQuery(funnelQuery(plan.id));
  if (funnel.isPending) return <Loading />;
  if (funnel.isError) return <ErrorNotice error={funnel.error} onRetry={() => void funnel.refetch()} />;
  return <FunnelEditor key={funnel.data.version} plan={plan} funnel={funnel.data} />;
}

function FunnelEditor({ plan, funnel }: { plan: TacticalPlan; funnel: TacticalFunnel }) {
  const session = useSession();
  const notify = useToast();
  const refresh = useRefreshTactics();
  const currency = session.org.currency;
  const [a, setA] = useState<FunnelPlanAssumptions>(funnel.assumptions);
  const last = funnel.assumptions.stages.at(-1);
  // The article's question, ready to try: what if the last stage closed a quarter less often?
  const [variants, setVariants] = useState<Variant[]>([
    {
      name: "Win rate drops",
      conversion: last ? { [last.name]: String(Math.round(last.conversionToNext * 75)) } : {},
      dealSize: "",
      people: "",
    },
  ]);
  const periods = useMemo(
    () => periodsBetween(session.org, plan.periodStart, plan.periodEnd, "month"),
    [session.org, plan.periodStart, plan.periodEnd],
  );
  const base = {
    revenueTargetMinor: a.revenueTargetMinor ?? funnel.revenueTargetMinor,
    averageDealSizeMinor: a.averageDealSizeMinor,
    stages: a.stages,
    activityRatios: a.activityRatios,
    peopleCount: a.peopleCount ?? funnel.peopleCount,
    periods,
  };
  const scenarios: FunnelScenario[] = variants.map((v) => ({
    name: v.name,
    changes: {
      ...(v.dealSize ? { averageDealSizeMinor: Math.round(Number(v.dealSize) * 100) } : {}),
      ...(v.people ? { peopleCount: Number(v.people) } : {}),
    },
    conversionByStage: Object.fromEntries(
      Object.entries(v.conversion).flatMap(([stage, text]) =>
        text === "" ? [] : [[stage, Number(text) / 100]],
      ),
    ),
  }));
  let result: ReturnType<typeof compareScenarios> | null = null;
  let problem: string | null = null;
  try {
    result = compareScenarios(base, scenarios);
  } catch (e) {
    problem = errorMessage(e);
  }

  const save = useMutation({
    mutationFn: (assumptions: FunnelPlanAssumptions) =>
      request<TacticalFunnel>("PUT", `/api/v1/tactical-plans/${plan.id}/funnel`, {
        body: { assumptions, version: funnel.version },
      }),
    onSuccess: () => {
      notify("Funnel saved.", "info");
      refresh();
    },
    onError: (e) => notify(errorMessage(e), "error"),
  });
  const toActions = useMutation({
    mutationFn: () => api.post<{ items: unknown[] }>(`/api/v1/tactical-plans/${plan.id}/funnel/actions`, {}),
    onSuccess: (r) => {
      notify(`${r.items.length} weekly actions created.`, "info");
      refresh();
    },
    onError: (e) => notify(errorMessage(e), "error"),
  });
  /** A scenario's changes written into the plan's assumptions. */
  const apply = (i: number) => {
    const v = variants[i];
    if (!v) return;
    save.mutate({
      ...a,
      averageDealSizeMinor: v.dealSize ? Math.round(Number(v.dealSize) * 100) : a.averageDealSizeMinor,
      peopleCount: v.people ? Number(v.people) : a.peopleCount,
      stages: a.stages.map((s) => {
        const text = v.conversion[s.name];
        return text ? { ...s, conversionToNext: Number(text) / 100 } : s;
      }),
    });
  };
  const learned = new Map((funnel.learned?.stages ?? []).map((s) => [s.name, s.conversionToNext]));
  const editable = plan.canEdit;

  return (
    <div className="funnel" data-testid="funnel">
      <section className="card funnel-inputs" aria-label="Assumptions">
        <h2 className="card-title">Assumptions</h2>
        <div className="funnel-numbers">
          <label className="field-stacked">
            <span>Revenue this period ({currency})</span>
            <input
              className="input input-small"
              inputMode="decimal"
              placeholder={String(funnel.revenueTargetMinor / 100)}
              value={a.revenueTargetMinor === null ? "" : a.revenueTargetMinor / 100}
              disabled={!editable}
              onChange={(e) =>
                setA({
                  ...a,
                  revenueTargetMinor: e.target.value === "" ? null : Math.round(Number(e.target.value) * 100),
                })
              }
            />
          </label>
          <label className="field-stacked">
            <span>Deal size ({currency})</span>
            <input
              className="input input-small"
              inputMode="decimal"
              value={a.averageDealSizeMinor / 100}
              disabled={!editable}
              onChange={(e) => setA({ ...a, averageDealSizeMinor: Math.round(Number(e.target.value) * 100) })}
            />
          </label>
          <label className="field-stacked">
            <span>People</span>
            <input
              className="input input-small"
              inputMode="numeric"
              placeholder={String(funnel.peopleCount)}
              value={a.peopleCount ?? ""}
              disabled={!editable}
              onChange={(e) =>
                setA({ ...a, peopleCount: e.target.value === "" ? null : Number(e.target.value) })
              }
            />
          </label>
        </div>
        <table className="table funnel-stages">
          <thead>
            <tr>
              <th>Stage</th>
              <th>Converts to next</th>
              <th>History</th>
            </tr>
          </thead>
          <tbody>
            {a.stages.map((s, i) => {
              const h = learned.get(s.name);
              return (
                <tr key={s.name}>
                  <td data-label="Stage">{s.name}</td>
                  <td data-label="Converts">
                    <input
                      className="input input-small funnel-rate"
                      inputMode="decimal"
                      aria-label={`${s.name} conversion, percent`}
                      value={Math.round(s.conversionToNext * 1000) / 10}
                      disabled={!editable}
                      onChange={(e) =>
                        setA({
                          ...a,
                          stages: a.stages.map((x, j) =>
                            j === i ? { ...x, conversionToNext: Number(e.target.value) / 100 } : x,
                          ),
                        })
                      }
                    />
                    <span aria-hidden="true"> %</span>
                  </td>
                  <td data-label="History" className="muted">
                    {h && h.value !== null
                      ? `${pct(h.value)} of ${h.sampleSize}${h.source === "team" ? " (team)" : ""}`
                      : "—"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {funnel.gaps.length > 0 ? (
          <ul className="findings funnel-gaps" aria-label="Far from history">
            {funnel.gaps.map((g) => (
              <li key={`${g.assumption}${g.stage ?? ""}`} className="hint-warn">
                {g.message}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">
            {funnel.dealCount > 0
              ? `In line with history (${funnel.dealCount} deals).`
              : "No deal history to compare with yet."}
          </p>
        )}
        {editable ? (
          <div className="page-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={save.isPending}
              onClick={() => save.mutate(a)}
            >
              Save assumptions
            </button>
            <button
              type="button"
              className="button"
              disabled={toActions.isPending}
              onClick={() => toActions.mutate()}
            >
              Make weekly activity actions
            </button>
          </div>
        ) : null}
      </section>

      <section className="card funnel-scenarios" aria-label="What if">
        <div className="section-head">
          <h2 className="card-title">What if…</h2>
          {variants.length < 3 ? (
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                setVariants([
                  ...variants,
                  { name: `Scenario ${variants.length + 1}`, conversion: {}, dealSize: "", people: "" },
                ])
              }
            >
              + Scenario
            </button>
          ) : null}
        </div>
        <p className="muted small">
          Change any input and compare; blank keeps the plan's value. Nothing changes until you apply one.
        </p>
        <div className="scenario-list">
          {variants.map((v, i) => (
            <ScenarioEditor
              key={i}
              variant={v}
              stages={a.stages.map((x) => x.name)}
              currency={currency}
              onChange={(patch) => setVariants(variants.map((x, j) => (j === i ? { ...x, ...patch } : x)))}
              onRemove={() => setVariants(variants.filter((_, j) => j !== i))}
              onApply={editable ? () => apply(i) : null}
            />
          ))}
        </div>
      </section>

      <section className="card card-flush funnel-results" aria-label="What it takes">
        {problem ? <p className="notice notice-error">{problem}</p> : null}
        {result ? (
          <FunnelTable labels={new Map(periods.map((p) => [p.key, p.label]))} result={result} />
        ) : null}
      </section>
    </div>
  );
}
