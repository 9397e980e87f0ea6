// The plan's objectives: each measurable (metric, baseline → target, due date, owner), where it
// aligns above and what aligns below it, the initiatives serving it, and its own discussion.
import { useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { describeMetric } from "@oars/core";
import type { Objective, StrategicPlan } from "@oars/core";
import { errorMessage } from "../api/errors";
import { useSession } from "../auth/session";
import { teamsQuery } from "../team/queries";
import { ConfirmDialog } from "../ui/Dialog";
import { Icon } from "../ui/Icon";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { formatDate } from "../ui/format";
import { ProgressBadge } from "../progress/ProgressBadge";
import { planProgressQuery } from "../progress/queries";
import { Comments } from "./Comments";
import { OBJECTIVE_STATUS_LABELS, PERSPECTIVE_LABELS, objectiveValue, ownerName } from "./labels";
import { ObjectiveEditor } from "./ObjectiveEditor";
import {
  everyoneQuery,
  initiativesQuery,
  objectivesQuery,
  strategyMapQuery,
  useDeleteObjective,
} from "./queries";

export function ObjectivesTab({ plan, focus }: { plan: StrategicPlan; focus?: string }) {
  const objectives = useQuery(objectivesQuery(plan.id));
  const [editing, setEditing] = useState<Objective | "new" | null>(null);
  const [removing, setRemoving] = useState<Objective | null>(null);
  const remove = useDeleteObjective(plan.id);

  if (objectives.isPending) return <Loading />;
  if (objectives.isError)
    return <ErrorNotice error={objectives.error} onRetry={() => void objectives.refetch()} />;
  return (
    <div className="stack">
      <div className="section-head">
        <p className="muted intro">
          Measurable goals: a metric, a baseline and a target, a due date and an owner. Align each under the
          goal above it so the cascade shows on the strategy map.
        </p>
        {plan.canEdit ? (
          <button type="button" className="button button-primary" onClick={() => setEditing("new")}>
            <Icon name="plus" /> Add objective
          </button>
        ) : null}
      </div>
      {objectives.data.length === 0 ? <Empty title="No objectives yet" /> : null}
      <ol className="objective-list">
        {objectives.data.map((o) => (
          <ObjectiveCard
            key={o.id}
            plan={plan}
            objective={o}
            focused={focus === o.id}
            onEdit={() => setEditing(o)}
            onRemove={() => setRemoving(o)}
          />
        ))}
      </ol>
      {editing ? (
        <ObjectiveEditor
          plan={plan}
          objective={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title="Remove objective"
          confirmLabel="Remove"
          danger
          pending={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onClose={() => {
            remove.reset();
            setRemoving(null);
          }}
          onConfirm={() => remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
        >
          <p>
            Remove “{removing.title}”? Initiatives stop serving it. To keep it on record instead, set its
            status to Dropped.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

interface CardProps {
  plan: StrategicPlan;
  objective: Objective;
  focused: boolean;
  onEdit: () => void;
  onRemove: () => void;
}

function ObjectiveCard({ plan, objective: o, focused, onEdit, onRemove }: CardProps) {
  const currency = useSession().org.currency;
  const people = useQuery(everyoneQuery);
  const teams = useQuery(teamsQuery);
  const initiatives = useQuery(initiativesQuery(plan.id));
  const map = useQuery(strategyMapQuery({}));
  const progress = useQuery(planProgressQuery(plan.id));
  const live = progress.data?.items.find((p) => p.objectiveId === o.id);
  const [talk, setTalk] = useState(focused);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: "center" });
  }, [focused]);
  const parent = map.data?.nodes.find((n) => n.objective.id === o.parentObjectiveId);
  const below = map.data?.nodes.filter((n) => n.objective.parentObjectiveId === o.id) ?? [];
  const serving = initiatives.data?.filter((i) => i.objectiveIds.includes(o.id)) ?? [];

  return (
    <li ref={ref} className={focused ? "card objective focused" : "card objective"} data-testid="objective">
      <div className="objective-head">
        <div>
          <h3 className="objective-title">{o.title}</h3>
          <p className="tags">
            <span className={`tag persp persp-${o.perspective}`}>{PERSPECTIVE_LABELS[o.perspective]}</span>
            <span className="tag">{OBJECTIVE_STATUS_LABELS[o.status]}</span>
            {o.weight > 0 ? <span className="tag">Weight {o.weight}</span> : null}
            <ProgressBadge progress={live} />
          </p>
        </div>
        {plan.canEdit ? (
          <div className="toolbar">
            <button
              type="button"
              className="button button-small"
              onClick={onEdit}
              aria-label={`Edit ${o.title}`}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button-small button-danger-quiet"
              onClick={onRemove}
              aria-label={`Remove ${o.title}`}
            >
              Remove
            </button>
          </div>
        ) : null}
      </div>
      <dl className="measure">
        <div>
          <dt>Metric</dt>
          <dd>{describeMetric(o.metric) ?? <span className="missing">No metric</span>}</dd>
        </div>
        <div>
          <dt>Baseline → target</dt>
          <dd>
            {objectiveValue(o, o.baseline, currency)} →{" "}
            <strong>
              {o.target === null ? (
                <span className="missing">No target</span>
              ) : (
                objectiveValue(o, o.target, currency)
              )}
            </strong>
          </dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{o.dueDate ? formatDate(o.dueDate) : <span className="missing">No due date</span>}</dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>
            {o.ownerId ? (
              ownerName(o.ownerType, o.ownerId, people.data, teams.data)
            ) : (
              <span className="missing">No owner</span>
            )}
          </dd>
        </div>
      </dl>
      {o.description ? <p className="muted small">{o.description}</p> : null}
      <div className="alignment">
        <p>
          <span className="muted">Aligned under </span>
          {parent ? (
            <Link
              to="/plans/$planId"
              params={{ planId: parent.plan.id }}
              search={{ tab: "objectives", focus: parent.objective.id }}
            >
              {parent.objective.title}
            </Link>
          ) : o.parentObjectiveId ? (
            "an objective you cannot see"
          ) : (
            <span className="muted">nothing yet</span>
          )}
          {parent && parent.plan.id !== plan.id ? (
            <span className="muted"> · {parent.plan.title}</span>
          ) : null}
        </p>
        {below.length > 0 ? (
          <p>
            <span className="muted">Aligned below: </span>
            {below.map((n, i) => (
              <span key={n.objective.id}>
                {i > 0 ? ", " : ""}
                <Link
                  to="/plans/$planId"
                  params={{ planId: n.plan.id }}
                  search={{ tab: "objectives", focus: n.objective.id }}
                >
                  {n.objective.title}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
        <p>
          <span className="muted">Served by </span>
          {serving.length > 0 ? (
            serving.map((i) => i.title).join(", ")
          ) : (
            <span className="missing">no initiative</span>
          )}
        </p>
      </div>
      <button type="button" className="link-button small" aria-expanded={talk} onClick={() => setTalk(!talk)}>
        {talk ? "Hide discussion" : "Discussion"}
      </button>
      {talk ? <Comments entity="objective" entityId={o.id} plan={plan} /> : null}
    </li>
  );
}
