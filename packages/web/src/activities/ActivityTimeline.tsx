// What happened with an account, deal or contact, newest first: calls, emails, meetings, demos,
// tasks and notes with their outcome, who did it, and when.
import { useInfiniteQuery } from "@tanstack/react-query";
import type { Activity } from "@oars/core";
import { ACTIVITY_STATUS_LABELS, ACTIVITY_TYPE_LABELS } from "../crm/labels";
import { PersonName } from "../crm/names";
import type { ListSearch } from "../crm/queries";
import { listQuery } from "../crm/queries";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { formatInstant } from "../ui/format";

export function ActivityTimeline({ filter, emptyText }: { filter: ListSearch; emptyText: string }) {
  const list = useInfiniteQuery(listQuery("activities", { ...filter, sort: "occurredAt", dir: "desc" }, 20));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isPending) return <Loading label="Loading activities…" />;
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  if (items.length === 0) return <Empty title="No activity yet">{emptyText}</Empty>;
  return (
    <>
      <ol className="activity-timeline" data-testid="activity-timeline">
        {items.map((activity) => (
          <ActivityItem key={activity.id} activity={activity} />
        ))}
      </ol>
      {list.hasNextPage ? (
        <div className="load-more">
          <button
            type="button"
            className="button button-small"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? "Loading…" : "Older activities"}
          </button>
        </div>
      ) : null}
    </>
  );
}

function ActivityItem({ activity }: { activity: Activity }) {
  return (
    <li className={`activity-item activity-${activity.status}`}>
      <span className={`activity-type activity-type-${activity.type}`}>
        {ACTIVITY_TYPE_LABELS[activity.type]}
      </span>
      <div className="activity-body">
        <p className="activity-subject">
          {activity.subject}
          {activity.status !== "done" ? (
            <span className="tag tag-warn">{ACTIVITY_STATUS_LABELS[activity.status]}</span>
          ) : null}
        </p>
        <p className="muted small">
          <time dateTime={activity.occurredAt}>{formatInstant(activity.occurredAt)}</time>
          {activity.durationMinutes ? ` · ${activity.durationMinutes} min` : ""}
          {activity.outcome ? ` · ${activity.outcome}` : ""}
          {" · "}
          <PersonName id={activity.ownerId} />
        </p>
        {activity.notes ? <p className="activity-notes small">{activity.notes}</p> : null}
      </div>
    </li>
  );
}
