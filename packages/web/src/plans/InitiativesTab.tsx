// The plan's key initiatives: the bigger pieces of work, each with an owner, dates and budget, and
// the objectives it serves.
import { useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { formatMetricValue } from "@oars/core";
import type { Initiative, StrategicPlan } from "@oars/core";
import { errorMessage } from "../api/errors";
import { teamsQuery } from "../team/queries";
import { ConfirmDialog } from "../ui/Dialog";
import { Icon } from "../ui/Icon";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { formatDate } from "../ui/format";
import { Comments } from "./Comments";
import { InitiativeEditor } from "./InitiativeEditor";
import { INITIATIVE_STATUS_LABELS, ownerName } from "./labels";
import { everyoneQuery, initiativesQuery, objectivesQuery, useDeleteInitiative } from "./queries";

export function InitiativesTab({ plan, focus }: { plan: StrategicPlan; focus?: string }) {
  const initiatives = useQuery(initiativesQuery(plan.id));
  const objectives = useQuery(objectivesQuery(plan.id));
  const people = useQuery(everyoneQuery);
  const teams = useQuery(teamsQuery);
  const [editing, setEditing] = useState<Initiative | "new" | null>(null);
  const [removing, setRemoving] = useState<Initiative | null>(null);
  const remove = useDeleteInitiative(plan.id);

  if (initiatives.isPending) return <Loading />;
  if (initiatives.isError)
    return <ErrorNotice error={initiatives.error} onRetry={() => void initiatives.refetch()} />;
  const titleOf = (id: string) => objectives.data?.find((o) => o.id === id)?.title ?? "…";
  return (
    <div className="stack">
      <div className="section-head">
        <p className="muted intro">
          The key initiatives that will reach the objectives. Each should serve at least one.
        </p>
        {plan.canEdit ? (
          <button type="button" className="button button-primary" onClick={() => setEditing("new")}>
            <Icon name="plus" /> Add initiative
          </button>
        ) : null}
      </div>
      {initiatives.data.length === 0 ? <Empty title="No initiatives yet" /> : null}
      <ol className="objective-list">
        {initiatives.data.map((i) => (
          <Card key={i.id} focused={focus === i.id}>
            <div className="objective-head">
              <div>
                <h3 className="objective-title">{i.title}</h3>
                <p className="tags">
                  <span className="tag">{INITIATIVE_STATUS_LABELS[i.status]}</span>
                  <span className="tag">{ownerName(i.ownerType, i.ownerId, people.data, teams.data)}</span>
                </p>
              </div>
              {plan.canEdit ? (
                <div className="toolbar">
                  <button type="button" className="button button-small" onClick={() => setEditing(i)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="button button-small button-danger-quiet"
                    onClick={() => setRemoving(i)}
                  >
                    Remove
                  </button>
                </div>
              ) : null}
            </div>
            {i.description ? <p className="muted small">{i.description}</p> : null}
            <dl className="measure">
              <div>
                <dt>When</dt>
                <dd>
                  {formatDate(i.startDate)} – {formatDate(i.endDate)}
                </dd>
              </div>
              <div>
                <dt>Budget</dt>
                <dd>
                  {i.budgetMinor > 0
                    ? formatMetricValue(i.budgetMinor, "money", { currency: i.currency })
                    : "—"}
                </dd>
              </div>
            </dl>
            <p className="alignment">
              <span className="muted">Serves </span>
              {i.objectiveIds.length > 0 ? (
                i.objectiveIds.map(titleOf).join(" · ")
              ) : (
                <span className="missing">no objective</span>
              )}
            </p>
            <Discussion plan={plan} id={i.id} open={focus === i.id} />
          </Card>
        ))}
      </ol>
      {editing ? (
        <InitiativeEditor
          plan={plan}
          initiative={editing === "new" ? null : editing}
          objectives={objectives.data ?? []}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title="Remove initiative"
          confirmLabel="Remove"
          danger
          pending={remove.isPending}
          error={remove.error ? errorMessage(remove.error) : null}
          onClose={() => setRemoving(null)}
          onConfirm={() => remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
        >
          <p>Remove “{removing.title}”? To keep it on record instead, set its status to Cancelled.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

function Card({ focused, children }: { focused: boolean; children: React.ReactNode }) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: "center" });
  }, [focused]);
  return (
    <li ref={ref} className={focused ? "card objective focused" : "card objective"} data-testid="initiative">
      {children}
    </li>
  );
}

function Discussion({ plan, id, open }: { plan: StrategicPlan; id: string; open: boolean }) {
  const [talk, setTalk] = useState(open);
  return (
    <>
      <button type="button" className="link-button small" aria-expanded={talk} onClick={() => setTalk(!talk)}>
        {talk ? "Hide discussion" : "Discussion"}
      </button>
      {talk ? <Comments entity="initiative" entityId={id} plan={plan} /> : null}
    </>
  );
}
