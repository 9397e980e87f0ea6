// The signed-in person's dashboard, first on the home page: goals at risk first with their
// burn-up, then by role the funnel and leaderboard (director), this week and deals to push (rep),
// or the portfolio of major accounts (account manager). Every figure links to what is behind it.
import { useMemo } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import type { Dashboard } from "@oars/core";
import { BurnupChart } from "./BurnupChart";
import { useProgressChart, type ProgressChartOption } from "./charts";
import { compact, figure, money, pct } from "./format";
import { ProgressBadge } from "./ProgressBadge";
import { dashboardQuery } from "./queries";

const when = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export function DashboardSection() {
  const q = useQuery(dashboardQuery);
  if (q.isPending) return <p className="muted">Loading your dashboard…</p>;
  if (q.isError) return <p className="muted">Your dashboard could not be loaded.</p>;
  const d = q.data;
  const first = d.objectives.find((o) => o.computed && o.burnup.length > 0);
  return (
    <section className="dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
      <h2 id="dashboard-title">
        Your progress, {d.periodStart} to {d.periodEnd}
      </h2>
      <div className="grid-cards">
        <section className="card" aria-labelledby="goals-title">
          <h3 id="goals-title" className="card-title">
            {d.role === "director" ? "Objectives, at risk first" : "Your goals"}
          </h3>
          {d.objectives.length === 0 ? (
            <p className="muted small">No objective of yours tracks a metric yet.</p>
          ) : (
            <ul className="link-list">
              {d.objectives.map((o) => (
                <li key={o.objectiveId}>
                  <Link to="/objectives/$objectiveId/progress" params={{ objectiveId: o.objectiveId }}>
                    {o.title}
                  </Link>{" "}
                  <ProgressBadge progress={o} />
                  <span className="muted small">
                    {figure(o.actual, o)} of {figure(o.target, o)}
                    {o.reason ? ` — ${o.reason}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        {first ? (
          <section className="card" aria-labelledby="burnup-title">
            <h3 id="burnup-title" className="card-title">
              {first.title}: {pct(first.attainment)} of target
            </h3>
            <BurnupChart progress={first} />
          </section>
        ) : null}
        {d.role === "director" ? <DirectorCards d={d} /> : <RepCards d={d} />}
        {d.portfolio.length > 0 ? (
          <section className="card" aria-labelledby="portfolio-title">
            <h3 id="portfolio-title" className="card-title">
              Major accounts
            </h3>
            <table className="table">
              <thead>
                <tr>
                  <th>Account</th>
                  <th>Won (12 months)</th>
                  <th>Last meeting</th>
                  <th>Next meeting</th>
                </tr>
              </thead>
              <tbody>
                {d.portfolio.map((a) => (
                  <tr key={a.accountId}>
                    <td>
                      <Link to="/accounts/$accountId" params={{ accountId: a.accountId }}>
                        {a.name}
                      </Link>
                    </td>
                    <td>{money(a.revenueMinor, d.currency)}</td>
                    <td>{when(a.lastMeeting)}</td>
                    <td>{when(a.nextMeeting)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </div>
    </section>
  );
}

function FunnelBars({ d }: { d: Dashboard }) {
  const navigate = useNavigate();
  const option = useMemo<ProgressChartOption>(
    () => ({
      tooltip: { trigger: "axis", valueFormatter: (v) => money(Number(v), d.currency) },
      grid: { left: 110, right: 20, top: 10, bottom: 30 },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => compact(v, "money") } },
      yAxis: { type: "category", inverse: true, data: d.funnel.map((s) => s.name) },
      series: [{ name: "Amount", type: "bar", data: d.funnel.map((s) => s.amountMinor) }],
    }),
    [d],
  );
  const ref = useProgressChart(option, () => void navigate({ to: "/deals" }));
  return <div ref={ref} className="progress-chart" role="img" aria-label="Pipeline by stage" />;
}

function DirectorCards({ d }: { d: Dashboard }) {
  return (
    <>
      <section className="card" aria-labelledby="funnel-title">
        <h3 id="funnel-title" className="card-title">
          Funnel by stage
        </h3>
        <FunnelBars d={d} />
      </section>
      <section className="card" aria-labelledby="leaders-title">
        <h3 id="leaders-title" className="card-title">
          Leaderboard this period
        </h3>
        <ol className="link-list">
          {d.leaderboard.map((l) => (
            <li key={l.personId}>
              <Link to="/people/$personId" params={{ personId: l.personId }}>
                {l.name}
              </Link>{" "}
              <span className="muted small">
                {money(l.revenueMinor, d.currency)} from {l.deals} deals
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function RepCards({ d }: { d: Dashboard }) {
  return (
    <>
      <section className="card" aria-labelledby="week-title">
        <h3 id="week-title" className="card-title">
          This week (from {d.week.weekStart})
        </h3>
        <dl className="facts">
          <dt>Meetings held</dt>
          <dd>
            <Link to="/activities">{d.week.meetings}</Link>
          </dd>
          <dt>Calls made</dt>
          <dd>
            <Link to="/activities">{d.week.calls}</Link>
          </dd>
          <dt>All activities</dt>
          <dd>
            <Link to="/activities">{d.week.activities}</Link>
          </dd>
        </dl>
        <p className="card-links">
          <Link to="/my-week">Today&apos;s actions</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="push-title">
        <h3 id="push-title" className="card-title">
          Deals to push
        </h3>
        {d.dealsToPush.length === 0 ? (
          <p className="muted small">Nothing closing this period or stalled.</p>
        ) : (
          <ul className="link-list">
            {d.dealsToPush.map((x) => (
              <li key={x.id}>
                <Link to="/deals/$dealId" params={{ dealId: x.id }}>
                  {x.name}
                </Link>{" "}
                <span className="muted small">
                  {money(x.amountOrgMinor, d.currency)}, closes {x.closeDate}
                  {x.reason === "stalled" ? ", stalled since " + x.stageChangedAt.slice(0, 10) : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
