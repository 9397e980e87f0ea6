// /activities: calls, emails, meetings, demos, tasks and notes in one's scope — by type, status
// and date, newest first, exportable; "Log activity" records a new one.
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { Activity } from "@oars/core";
import { ActivityStatus, ActivityType } from "@oars/core";
import { AccountFilterChip } from "../crm/AccountFilterChip";
import { ACTIVITY_STATUS_LABELS, ACTIVITY_TYPE_LABELS } from "../crm/labels";
import { ListControls, SelectFilter } from "../crm/ListControls";
import { LogActivityButton } from "../crm/LogActivityHost";
import { AccountLabel, OwnerLabel } from "../crm/names";
import type { ListSearch } from "../crm/queries";
import { exportHref } from "../crm/queries";
import { activitySearch } from "../crm/search";
import { useSalesList } from "../crm/useSalesList";
import type { Column } from "../crm/VirtualTable";
import { VirtualTable } from "../crm/VirtualTable";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { formatInstant } from "../ui/format";
import { DateRangeFilter } from "./DateRangeFilter";

const route = getRouteApi("/app/activities");
const DEFAULT_SORT = "occurredAt:desc";
const SORTS = [
  { value: "occurredAt:desc", label: "Newest first" },
  { value: "occurredAt:asc", label: "Oldest first" },
  { value: "updatedAt:desc", label: "Recently changed" },
];

const COLUMNS: Column<Activity>[] = [
  {
    key: "when",
    header: "When",
    width: "minmax(140px, 1fr)",
    sort: "occurredAt",
    cell: (a) => <time dateTime={a.occurredAt}>{formatInstant(a.occurredAt)}</time>,
  },
  {
    key: "type",
    header: "Type",
    width: "minmax(70px, 0.6fr)",
    cell: (a) => (
      <span className={`activity-type activity-type-${a.type}`}>{ACTIVITY_TYPE_LABELS[a.type]}</span>
    ),
  },
  {
    key: "subject",
    header: "Subject",
    width: "minmax(180px, 2fr)",
    primary: true,
    cell: (a) => <span className="row-title">{a.subject}</span>,
  },
  {
    key: "account",
    header: "Account",
    width: "minmax(130px, 1.4fr)",
    cell: (a) => <AccountLabel id={a.accountId} name={a.accountName} />,
  },
  {
    key: "outcome",
    header: "Outcome",
    width: "minmax(100px, 1fr)",
    cell: (a) => a.outcome ?? <span className="muted">—</span>,
  },
  {
    key: "status",
    header: "Status",
    width: "minmax(70px, 0.6fr)",
    cell: (a) => ACTIVITY_STATUS_LABELS[a.status],
  },
  {
    key: "owner",
    header: "Owner",
    width: "minmax(100px, 1fr)",
    cell: (a) => <OwnerLabel id={a.ownerId} name={a.ownerName} />,
  },
];

export function ActivitiesPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const go = (next: ListSearch, options?: { replace?: boolean }) =>
    void navigate({ to: "/activities", search: next, replace: options?.replace });
  const rows = useSalesList("activities", search, DEFAULT_SORT, go);

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>Activities</h1>
          <p className="muted">Calls, emails, meetings and demos, newest first.</p>
        </div>
        <div className="page-actions">
          <a className="button" href={exportHref("activities", search)} download>
            Export CSV
          </a>
          <LogActivityButton />
        </div>
      </header>
      <ListControls
        entity="activities"
        search={search}
        onChange={go}
        sorts={SORTS}
        defaultSort={DEFAULT_SORT}
        parseView={activitySearch}
        searchPlaceholder="Search activities by subject"
      >
        {({ search: s, set }) => (
          <>
            <AccountFilterChip search={s} onClear={() => set("accountId", undefined)} />
            <SelectFilter
              label="Type"
              value={s.type}
              options={ActivityType.options.map((v) => ({ value: v, label: ACTIVITY_TYPE_LABELS[v] }))}
              onChange={(v) => set("type", v)}
            />
            <SelectFilter
              label="Status"
              value={s.status}
              options={ActivityStatus.options.map((v) => ({ value: v, label: ACTIVITY_STATUS_LABELS[v] }))}
              onChange={(v) => set("status", v)}
            />
            <DateRangeFilter search={s} set={set} />
          </>
        )}
      </ListControls>
      <section className="card list-card" aria-busy={rows.list.isFetching}>
        {rows.list.isPending ? <Loading label="Loading activities…" /> : null}
        {rows.list.isError ? (
          <ErrorNotice error={rows.list.error} onRetry={() => void rows.list.refetch()} />
        ) : null}
        {rows.list.isSuccess && rows.items.length === 0 ? <Empty title="No activities here" /> : null}
        {rows.items.length > 0 ? (
          <VirtualTable
            label="Activities"
            testId="activities-table"
            columns={COLUMNS}
            items={rows.items}
            rowKey={(a) => a.id}
            sort={rows.sort}
            onSort={rows.onSort}
            hasMore={rows.hasMore}
            loadingMore={rows.loadingMore}
            onLoadMore={rows.loadMore}
            onOpen={(a) => {
              if (a.dealId) void navigate({ to: "/deals/$dealId", params: { dealId: a.dealId } });
              else if (a.accountId)
                void navigate({ to: "/accounts/$accountId", params: { accountId: a.accountId } });
            }}
          />
        ) : null}
      </section>
    </div>
  );
}
