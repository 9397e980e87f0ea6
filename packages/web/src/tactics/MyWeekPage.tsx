// "My week" for a rep: this week's actions day by day (today's first), what is overdue, the weekly
// activity targets against what was logged, and the calendar feed that puts it all in a calendar.
// A manager picks one of their people to see that person's week.
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, getRouteApi, useNavigate } from "@tanstack/react-router";
import type { Action, MyWeek, Occurrence } from "@oars/core";
import { api, request } from "../api/client";
import { errorMessage } from "../api/errors";
import { useSession } from "../auth/session";
import { ErrorNotice, Loading } from "../ui/Status";
import { useToast } from "../ui/Toast";
import { formatDate } from "../ui/format";
import { CalendarFeedCard } from "./CalendarFeedCard";
import { myWeekQuery, useRefreshTactics } from "./queries";

const route = getRouteApi("/app/my-week");
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const dayName = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

export function MyWeekPage() {
  const search = route.useSearch();
  const navigate = useNavigate({ from: "/my-week" });
  const me = useSession().person.id;
  const week = useQuery(myWeekQuery(search.date, search.personId));
  if (week.isPending) return <Loading />;
  if (week.isError) return <ErrorNotice error={week.error} onRetry={() => void week.refetch()} />;
  const w = week.data;
  const go = (date: string | undefined) => void navigate({ search: (prev) => ({ ...prev, date }) });
  const own = w.personId === me;
  const pick = (personId: string) =>
    void navigate({ search: (prev) => ({ ...prev, personId: personId === me ? undefined : personId }) });
  const days = [...new Set(w.weekItems.map((o) => o.date))];
  const later = days.filter((d) => d !== w.today);

  return (
    <div className="page page-wide my-week" data-testid="my-week">
      <header className="page-header">
        <div>
          <h1>{own ? "My week" : `${w.name}'s week`}</h1>
          <p className="muted">
            {formatDate(w.weekStart)} – {formatDate(w.weekEnd)}
            {w.plans.length > 0 ? ` · from ${w.plans.map((p) => p.title).join(", ")}` : ""}
          </p>
        </div>
        <div className="page-actions">
          {w.people.length > 1 ? (
            <label className="field-inline">
              <span>Whose week</span>
              <select
                className="input input-small"
                data-testid="week-person"
                value={w.personId}
                onChange={(e) => pick(e.target.value)}
              >
                {w.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.id === me ? `${p.name} (me)` : p.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <button
            type="button"
            className="button"
            onClick={() => go(shift(w.weekStart, -7))}
            aria-label="Previous week"
          >
            ←
          </button>
          <button
            type="button"
            className="button"
            onClick={() => go(undefined)}
            disabled={w.today >= w.weekStart && w.today <= w.weekEnd}
          >
            This week
          </button>
          <button
            type="button"
            className="button"
            onClick={() => go(shift(w.weekStart, 7))}
            aria-label="Next week"
          >
            →
          </button>
        </div>
      </header>
      <div className="week-grid">
        <div className="stack">
          {w.today >= w.weekStart && w.today <= w.weekEnd ? (
            <section className="card" aria-label="Today">
              <h2 className="card-title">Today</h2>
              <ItemList items={w.todayItems} empty="Nothing due today." />
            </section>
          ) : null}
          {w.overdue.length > 0 ? (
            <section className="card card-warn" aria-label="Overdue">
              <h2 className="card-title">Overdue</h2>
              <ItemList items={w.overdue} empty="" showDate />
            </section>
          ) : null}
          <section className="card" aria-label="This week">
            <h2 className="card-title">This week</h2>
            {later.length === 0 ? <p className="muted">Nothing else this week.</p> : null}
            {later.map((d) => (
              <div key={d} className="week-day">
                <h3 className="week-day-name">{dayName.format(new Date(`${d}T00:00:00Z`))}</h3>
                <ItemList items={w.weekItems.filter((o) => o.date === d)} empty="" />
              </div>
            ))}
          </section>
        </div>
        <div className="stack">
          <ActivityTargets week={w} own={own} />
          {own ? <CalendarFeedCard /> : null}
        </div>
      </div>
    </div>
  );
}

function ActivityTargets({ week, own }: { week: MyWeek; own: boolean }) {
  return (
    <section className="card" aria-label="Activity targets" data-testid="activity-targets">
      <h2 className="card-title">Activity this week</h2>
      {week.activityTargets.length === 0 ? (
        <p className="muted">No weekly activity targets in {own ? "your" : "their"} plans.</p>
      ) : null}
      <ul className="targets-list">
        {week.activityTargets.map((a) => {
          const share = a.done === null || a.target === 0 ? 0 : Math.min(1, a.done / a.target);
          return (
            <li key={a.activity}>
              <div className="target-line">
                <span className="strong">{a.activity}</span>
                <span>
                  {a.done ?? "—"} of {a.target}
                </span>
              </div>
              <div
                className="progress"
                role="progressbar"
                aria-label={`${a.activity} this week`}
                aria-valuemin={0}
                aria-valuemax={a.target}
                aria-valuenow={a.done ?? 0}
              >
                <span
                  className={share >= 1 ? "progress-bar progress-done" : "progress-bar"}
                  style={{ width: `${share * 100}%` }}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ItemList({
  items,
  empty,
  showDate,
}: {
  items: readonly Occurrence[];
  empty: string;
  showDate?: boolean;
}) {
  const notify = useToast();
  const refresh = useRefreshTactics();
  const tick = useMutation({
    mutationFn: async (o: Occurrence) => {
      const done = o.status !== "done";
      if (o.recurring)
        return request("PUT", `/api/v1/actions/${o.actionId}/occurrences/${o.date}`, {
          body: { status: done ? "done" : "todo" },
        });
      const action = await api.get<Action>(`/api/v1/actions/${o.actionId}`);
      return api.patch(`/api/v1/actions/${o.actionId}`, {
        version: action.version,
        status: done ? "done" : "todo",
      });
    },
    onSuccess: refresh,
    onError: (e) => notify(errorMessage(e), "error"),
  });
  // The box shows the new state at once; the list catches up when the server has it.
  const flipped = (o: Occurrence) =>
    tick.isPending && tick.variables.actionId === o.actionId && tick.variables.date === o.date;
  if (items.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <ul className="week-items">
      {items.map((o) => (
        <li
          key={`${o.actionId}${o.date}`}
          className={
            o.status === "done"
              ? "week-item week-item-done"
              : o.overdue
                ? "week-item week-item-late"
                : "week-item"
          }
        >
          <label className="checkbox">
            <input
              type="checkbox"
              checked={(o.status === "done") !== flipped(o)}
              disabled={tick.isPending}
              onChange={() => tick.mutate(o)}
            />
            <span>
              {o.timeOfDay ? <span className="mono week-time">{o.timeOfDay}</span> : null} {o.title}
            </span>
          </label>
          <span className="muted small week-meta">
            {[
              showDate ? formatDate(o.date) : null,
              o.recurring ? "repeats" : null,
              o.priority === "high" ? "high priority" : null,
            ]
              .filter(Boolean)
              .join(" · ")}{" "}
            <Link
              to="/tactics/$tacticalPlanId"
              params={{ tacticalPlanId: o.tacticalPlanId }}
              search={{ tab: "actions" }}
            >
              Open plan
            </Link>
          </span>
        </li>
      ))}
    </ul>
  );
}
