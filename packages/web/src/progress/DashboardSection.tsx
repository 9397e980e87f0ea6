// The signed-in person's dashboard, first on the home page. Everyone: this period's goals as rings
// (the ramped milestone targets) and their objectives at risk first with the burn-up. A director
// (manager, admin, viewer): forecast against target, the funnel against the plan's assumptions,
// the attainment heatmap and a leaderboard. A rep: this week's activity targets against what is
// logged, today's actions and the deals to push. An account manager: their major accounts too.
// Every figure links to what is behind it.
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Dashboard } from "@oars/core";
import { myWeekQuery } from "../tactics/queries";
import { AttainmentHeatmap } from "./AttainmentHeatmap";
import { BurnupChart } from "./BurnupChart";
import { ForecastChart } from "./ForecastChart";
import { figure, money, pct } from "./format";
import { FunnelVsPlan } from "./FunnelVsPlan";
import { GoalRing } from "./GoalRing";
import { ProgressBadge } from "./ProgressBadge";
import { dashboardQuery } from "./queries";

const when = (iso: string | null) => (iso ? iso.slice(0, 10) : "—");

export function DashboardSection() {
  const q = useQuery(dashboardQuery);
  if (q.isPending) return <p className="muted">Loading your dashboard…</p>;
  if (q.isError) return <p className="muted">Your dashboard could not be loaded.</p>;
  const d = q.data;
  const first =
    d.objectives.find((o) => o.computed && o.burnup.length > 1) ?? d.objectives.find((o) => o.computed);
  return (
    <section className="dashboard" aria-labelledby="dashboard-title" data-testid="dashboard">
      <h2 id="dashboard-title">
        Your progress, {d.periodStart} to {d.periodEnd}
      </h2>
      <section className="card" aria-labelledby="goals-title">
        <h3 id="goals-title" className="card-title">
          {d.role === "director" ? "Your teams' goals this period" : "Your goals this period"}
        </h3>
        {d.goals.length === 0 ? (
          <p className="muted small">
            No milestone holds today yet: split a target in a <Link to="/tactics">tactical plan</Link>.
          </p>
        ) : (
          <div className="goal-rings">
            {d.goals.map((g) => (
              <GoalRing key={g.milestoneId} goal={g} />
            ))}
          </div>
        )}
      </section>
      <div className="dashboard-grid">
        <section className="card dashboard-wide" aria-labelledby="objectives-title">
          <h3 id="objectives-title" className="card-title">
            {d.role === "director" ? "Objectives, at risk first" : "Your objectives"}
          </h3>
          {d.objectives.length === 0 ? (
            <p className="muted small">No objective of yours tracks a metric yet.</p>
          ) : (
            <div className="table-scroll">
              <table className="table table-row-heads objectives-progress" data-testid="objectives-progress">
                <thead>
                  <tr>
                    <th scope="col">Objective</th>
                    <th scope="col">Status</th>
                    <th scope="col">Actual</th>
                    <th scope="col">Target</th>
                    <th scope="col">Pace</th>
                    <th scope="col">Forecast</th>
                  </tr>
                </thead>
                <tbody>
                  {d.objectives.map((o) => (
                    <tr key={o.objectiveId}>
                      <th scope="row">
                        <Link to="/objectives/$objectiveId/progress" params={{ objectiveId: o.objectiveId }}>
                          {o.title}
                        </Link>
                        {o.reason ? <span className="muted small block">{o.reason}</span> : null}
                      </th>
                      <td data-label="Status">
                        <ProgressBadge progress={o} />
                      </td>
                      <td data-label="Actual">{figure(o.actual, o)}</td>
                      <td data-label="Target">{figure(o.target, o)}</td>
                      <td data-label="Pace">{pct(o.pace)}</td>
                      <td data-label="Forecast">{figure(o.forecast?.forecast ?? null, o)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
        {d.portfolio.length > 0 ? <PortfolioCard d={d} /> : null}
      </div>
    </section>
  );
}

function DirectorCards({ d }: { d: Dashboard }) {
  return (
    <>
      <section className="card" aria-labelledby="forecast-title">
        <h3 id="forecast-title" className="card-title">
          Forecast against target
        </h3>
        <ForecastChart goals={d.goals} />
      </section>
      <section className="card dashboard-wide" aria-labelledby="funnel-title">
        <h3 id="funnel-title" className="card-title">
          Funnel by stage, against the plan
        </h3>
        <FunnelVsPlan d={d} tacticalPlanId={d.goals[0]?.tacticalPlanId ?? null} />
      </section>
      <section className="card dashboard-wide" aria-labelledby="heatmap-title">
        <h3 id="heatmap-title" className="card-title">
          Attainment by person and month
        </h3>
        <AttainmentHeatmap d={d} />
        {d.heatmapPeople > new Set(d.heatmap.map((c) => c.key)).size && (
          <p className="muted small" data-testid="heatmap-cut">
            The {new Set(d.heatmap.map((c) => c.key)).size} people furthest behind of{" "}
            {d.heatmapPeople.toLocaleString("en")}. <Link to="/attainment">Everyone in Attainment</Link>.
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="leaders-title">
        <h3 id="leaders-title" className="card-title">
          Leaderboard this period
        </h3>
        {d.leaderboard.length === 0 ? (
          <p className="muted small">Nothing won yet this period.</p>
        ) : (
          <ol className="leaderboard">
            {d.leaderboard.map((l) => (
              <li key={l.personId}>
                <Link
                  to="/deals"
                  search={{
                    ownerId: l.personId,
                    status: "won",
                    closeFrom: d.periodStart,
                    closeTo: d.periodEnd,
                  }}
                >
                  {l.name}
                </Link>{" "}
                <span className="muted small">
                  {money(l.revenueMinor, d.currency)} from {l.deals} {l.deals === 1 ? "deal" : "deals"}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function RepCards({ d }: { d: Dashboard }) {
  const week = useQuery(myWeekQuery());
  const w = week.data;
  return (
    <>
      <section className="card" aria-labelledby="week-title">
        <h3 id="week-title" className="card-title">
          This week (from {d.week.weekStart})
        </h3>
        {w && w.activityTargets.length > 0 ? (
          <ul className="week-targets" data-testid="week-targets">
            {w.activityTargets.map((t) => {
              const share = t.done === null || t.target === 0 ? null : Math.min(1, t.done / t.target);
              return (
                <li key={`${t.tacticalPlanId}-${t.activity}`}>
                  <span>
                    {t.activity}: <strong>{t.done ?? "—"}</strong> of {t.target}
                  </span>
                  <span className="meter" aria-hidden="true">
                    <span style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
                  </span>
                </li>
              );
            })}
          </ul>
        ) : null}
        <dl className="facts">
          <dt>Meetings held</dt>
          <dd>
            <Link
              to="/activities"
              search={{ mine: true, type: "meeting", status: "done", from: d.week.weekStart }}
            >
              {d.week.meetings}
            </Link>
          </dd>
          <dt>Calls made</dt>
          <dd>
            <Link
              to="/activities"
              search={{ mine: true, type: "call", status: "done", from: d.week.weekStart }}
            >
              {d.week.calls}
            </Link>
          </dd>
          <dt>All activities</dt>
          <dd>
            <Link to="/activities" search={{ mine: true, status: "done", from: d.week.weekStart }}>
              {d.week.activities}
            </Link>
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="today-title">
        <h3 id="today-title" className="card-title">
          Today&apos;s actions
        </h3>
        {!w ? (
          <p className="muted small">Loading…</p>
        ) : w.todayItems.length === 0 && w.overdue.length === 0 ? (
          <p className="muted small">Nothing planned for today.</p>
        ) : (
          <ul className="link-list" data-testid="today-actions">
            {[...w.overdue, ...w.todayItems].map((o) => (
              <li key={`${o.actionId}-${o.date}`}>
                <Link to="/my-week">{o.title}</Link>{" "}
                <span className={`small ${o.overdue ? "hint-warn" : "muted"}`}>
                  {o.overdue ? `overdue since ${o.date}` : (o.timeOfDay ?? "today")}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="card-links">
          <Link to="/my-week">My week</Link>
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

function PortfolioCard({ d }: { d: Dashboard }) {
  return (
    <section className="card dashboard-wide" aria-labelledby="portfolio-title">
      <h3 id="portfolio-title" className="card-title">
        Major accounts
      </h3>
      <div className="table-scroll">
        <table className="table table-row-heads" data-testid="portfolio">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Won (12 months)</th>
              <th scope="col">Last meeting</th>
              <th scope="col">Next meeting</th>
            </tr>
          </thead>
          <tbody>
            {d.portfolio.map((a) => (
              <tr key={a.accountId}>
                <th scope="row">
                  <Link to="/accounts/$accountId" params={{ accountId: a.accountId }}>
                    {a.name}
                  </Link>
                </th>
                <td data-label="Won">{money(a.revenueMinor, d.currency)}</td>
                <td data-label="Last meeting">{when(a.lastMeeting)}</td>
                <td data-label="Next meeting">{when(a.nextMeeting)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
