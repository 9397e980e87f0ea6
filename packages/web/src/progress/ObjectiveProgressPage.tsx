// One objective's or milestone's live progress: the figures, the reason, the burn-up, each aligned
// child's contribution, and the deals or activities behind the figure that the reader may see.
import type { ReactNode } from "react";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import { Link, useParams } from "@tanstack/react-router";
import { metricByKey, type ObjectiveProgress } from "@oars/core";
import { BurnupChart } from "./BurnupChart";
import { CheckinPanel } from "./CheckinPanel";
import { ForecastPanel } from "./ForecastPanel";
import { figure, money, pct } from "./format";
import { ProgressBadge } from "./ProgressBadge";
import {
  drillActivitiesQuery,
  drillDealsQuery,
  milestoneProgressQuery,
  objectiveProgressQuery,
  type ProgressOf,
} from "./queries";

export function ObjectiveProgressPage() {
  const { objectiveId } = useParams({ from: "/app/objectives/$objectiveId/progress" });
  const q = useQuery(objectiveProgressQuery(objectiveId));
  return <ProgressDetail q={q} id={objectiveId} of="objectives" what="objective" />;
}

export function MilestoneProgressPage() {
  const { milestoneId } = useParams({ from: "/app/milestones/$milestoneId/progress" });
  const q = useQuery(milestoneProgressQuery(milestoneId));
  const m = q.data;
  const subtitle = m ? (
    <>
      {m.ownerName}, {m.periodStart} to {m.periodEnd}
      {m.dimension ? ` (${m.dimension.value})` : ""} — a milestone of{" "}
      <Link to="/objectives/$objectiveId/progress" params={{ objectiveId: m.objectiveId }}>
        the objective
      </Link>
      .{" "}
      <Link to="/tactics/$tacticalPlanId" params={{ tacticalPlanId: m.tacticalPlanId }}>
        Open the tactical plan
      </Link>
    </>
  ) : null;
  return <ProgressDetail q={q} id={milestoneId} of="milestones" what="milestone" subtitle={subtitle} />;
}

function ProgressDetail(props: {
  q: UseQueryResult<ObjectiveProgress>;
  id: string;
  of: ProgressOf;
  what: string;
  subtitle?: ReactNode;
}) {
  const { q, id, of } = props;
  const deals = useQuery(drillDealsQuery(id, of));
  const acts = useQuery(drillActivitiesQuery(id, of));
  if (q.isPending) return <p className="muted">Loading…</p>;
  if (q.isError) return <p className="muted">This {props.what} is not there or not yours to see.</p>;
  const p = q.data;
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{p.title}</h1>
          <p className="muted">
            {p.metricLabel ?? "No metric"}, {p.windowStart} to {p.windowEnd}.{" "}
            {props.subtitle ?? (
              <Link to="/plans/$planId" params={{ planId: p.planId }}>
                Open the plan
              </Link>
            )}
          </p>
        </div>
        <ProgressBadge progress={p} />
      </header>
      <section className="card">
        <div className="progress-figures">
          <div>
            <span className="muted small">Actual</span>
            <strong>{figure(p.actual, p)}</strong>
          </div>
          <div>
            <span className="muted small">Target</span>
            <strong>{figure(p.target, p)}</strong>
          </div>
          <div>
            <span className="muted small">Expected by now</span>
            <strong>{figure(p.expected, p)}</strong>
          </div>
          <div>
            <span className="muted small">Pace</span>
            <strong>{pct(p.pace)}</strong>
          </div>
          <div>
            <span className="muted small">Forecast</span>
            <strong>{figure(p.forecast?.forecast ?? null, p)}</strong>
          </div>
          <div>
            <span className="muted small">Coverage</span>
            <strong>
              {p.coverage?.coverage != null ? `${p.coverage.coverage.toFixed(1)}×` : "—"}
              {p.coverage?.neededCoverage != null
                ? ` of ${p.coverage.neededCoverage.toFixed(1)}× needed`
                : ""}
            </strong>
          </div>
        </div>
        <p>{p.reason}</p>
        {p.metricKey && metricByKey(p.metricKey) ? (
          <p className="small muted">What counts: {metricByKey(p.metricKey)?.description}</p>
        ) : null}
        <BurnupChart progress={p} />
      </section>
      {of === "objectives" && p.forecast?.method === "pipeline" ? <ForecastPanel p={p} /> : null}
      {of === "objectives" && p.metricKey === "manual" ? <CheckinPanel p={p} /> : null}
      {p.children.length > 0 ? (
        <section className="card">
          <h2 className="card-title">Aligned objectives (their own figures, not added up)</h2>
          <table className="table">
            <tbody>
              {p.children.map((c) => (
                <tr key={c.objectiveId}>
                  <td>
                    <Link to="/objectives/$objectiveId/progress" params={{ objectiveId: c.objectiveId }}>
                      {c.title}
                    </Link>
                  </td>
                  <td>
                    {figure(c.actual, p)} of {figure(c.target, p)}
                  </td>
                  <td>{pct(c.share)} of this figure</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {deals.data && deals.data.items.length > 0 ? (
        <section className="card">
          <h2 className="card-title">Deals behind the figure that you may see</h2>
          <table className="table">
            <thead>
              <tr>
                <th>Deal</th>
                <th>Status</th>
                <th>Amount</th>
                <th>Closed</th>
              </tr>
            </thead>
            <tbody>
              {deals.data.items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to="/deals/$dealId" params={{ dealId: d.id }}>
                      {d.name}
                    </Link>
                  </td>
                  <td>{d.status}</td>
                  <td>{money(d.amountOrgMinor, p.currency)}</td>
                  <td>{d.closeDate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {acts.data && acts.data.items.length > 0 ? (
        <section className="card">
          <h2 className="card-title">Activities behind the figure that you may see</h2>
          <ul className="link-list">
            {acts.data.items.map((a) => (
              <li key={a.id}>
                {a.occurredAt.slice(0, 10)} {a.type}: {a.subject}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
