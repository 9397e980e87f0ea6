// The action plan: who does what by when, what waits for what, what repeats, and the hours it books
// — with everyone's over-allocated weeks flagged above the list.
import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { Action, TacticalPlan } from "@oars/core";
import { api } from "../api/client";
import { errorMessage } from "../api/errors";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { useToast } from "../ui/Toast";
import { formatDate, weekdayName } from "../ui/format";
import { Icon } from "../ui/Icon";
import { ActionDialog } from "./ActionDialog";
import { ACTION_STATUS_LABELS } from "./labels";
import { actionsQuery, capacityQuery, peopleQuery, planObjectivesQuery, useRefreshTactics } from "./queries";

function repeats(a: Action): string | null {
  const r = a.recurrence;
  if (!r) return null;
  const every = r.interval > 1 ? `every ${r.interval} ` : "";
  if (r.frequency === "weekly")
    return `${every ? `${every}weeks` : "Weekly"}${r.weekdays.length > 0 ? ` on ${r.weekdays.map(weekdayName).join(", ")}` : ""}`;
  return r.frequency === "daily" ? (every ? `${every}days` : "Daily") : every ? `${every}months` : "Monthly";
}

export function ActionsTab({ plan }: { plan: TacticalPlan }) {
  const actions = useQuery(actionsQuery(plan.id));
  const capacity = useQuery(capacityQuery(plan.id));
  const people = useQuery(peopleQuery);
  const objectives = useQuery(planObjectivesQuery(plan.strategicPlanId));
  const [editing, setEditing] = useState<Action | "new" | null>(null);
  const refresh = useRefreshTactics();
  const notify = useToast();
  const status = useMutation({
    mutationFn: ({ a, to }: { a: Action; to: Action["status"] }) =>
      api.patch<Action>(`/api/v1/actions/${a.id}`, { version: a.version, status: to }),
    onSuccess: refresh,
    onError: (e) => notify(errorMessage(e), "error"),
  });

  if (actions.isPending) return <Loading />;
  if (actions.isError) return <ErrorNotice error={actions.error} onRetry={() => void actions.refetch()} />;
  const titles = new Map(actions.data.map((a) => [a.id, a.title]));
  const over = capacity.data?.overAllocations ?? [];

  return (
    <div className="stack">
      {over.length > 0 ? (
        <div className="notice notice-warn" role="status" data-testid="capacity-warnings">
          <p className="strong">Over-allocated</p>
          <ul>
            {[...new Set(over.map((o) => o.personId))].map((personId) => {
              const weeks = over.filter((o) => o.personId === personId);
              const first = weeks[0];
              if (!first) return null;
              const peak = Math.max(...weeks.map((w) => w.allocatedHours));
              return (
                <li key={personId}>
                  {first.name}: up to {peak} hours booked of {first.capacityHours} a week, in {weeks.length}{" "}
                  {weeks.length === 1 ? "week" : "weeks"} from {formatDate(first.weekStart)}{" "}
                  <span className="muted">
                    — {first.actions.map((x) => `${x.title} ${x.hoursPerWeek} h`).join(", ")}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <div className="section-head">
        <h2>Actions</h2>
        {plan.canEdit ? (
          <button type="button" className="button button-primary" onClick={() => setEditing("new")}>
            <Icon name="plus" /> New action
          </button>
        ) : null}
      </div>
      {actions.data.length === 0 ? (
        <Empty title="No actions yet">Add the steps that get this plan done: who, what, by when.</Empty>
      ) : (
        <section className="card card-flush">
          <div className="table-wrap">
            <table className="table actions-table" data-testid="actions-table">
              <thead>
                <tr>
                  <th>Action</th>
                  <th>Owner</th>
                  <th>When</th>
                  <th>Status</th>
                  <th className="grid-num">Hours a week</th>
                </tr>
              </thead>
              <tbody>
                {actions.data.map((a) => {
                  const hours = a.allocations.reduce((s, x) => s + x.hoursPerWeek, 0);
                  return (
                    <tr key={a.id}>
                      <td data-label="Action">
                        {a.canEdit ? (
                          <button type="button" className="link-button strong" onClick={() => setEditing(a)}>
                            {a.title}
                          </button>
                        ) : (
                          <span className="strong">{a.title}</span>
                        )}
                        <span className="muted small block">
                          {[
                            repeats(a),
                            a.timeOfDay ? `at ${a.timeOfDay}` : null,
                            a.dependsOn.length > 0
                              ? `after ${a.dependsOn.map((d) => titles.get(d) ?? "?").join(", ")}`
                              : null,
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </span>
                      </td>
                      <td data-label="Owner">
                        {a.ownerName ?? <span className="tag tag-warn">No owner</span>}
                      </td>
                      <td data-label="When" className="nowrap">
                        {a.startDate ? formatDate(a.startDate) : "—"} →{" "}
                        {a.dueDate
                          ? formatDate(a.dueDate)
                          : a.recurrence?.until
                            ? formatDate(a.recurrence.until)
                            : "—"}
                      </td>
                      <td data-label="Status">
                        {a.canUpdateStatus ? (
                          <select
                            className="input input-small"
                            aria-label={`Status of ${a.title}`}
                            value={a.status}
                            onChange={(e) => status.mutate({ a, to: e.target.value as Action["status"] })}
                          >
                            {Object.entries(ACTION_STATUS_LABELS).map(([k, v]) => (
                              <option key={k} value={k}>
                                {v}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <span className={`status status-${a.status}`}>
                            {ACTION_STATUS_LABELS[a.status]}
                          </span>
                        )}
                      </td>
                      <td data-label="Hours a week" className="grid-num">
                        {hours > 0 ? hours : "—"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {editing ? (
        <ActionDialog
          plan={plan}
          action={editing === "new" ? null : editing}
          others={actions.data}
          people={people.data ?? []}
          objectives={(objectives.data ?? []).filter((o) => plan.objectiveIds.includes(o.id))}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      ) : null}
    </div>
  );
}
