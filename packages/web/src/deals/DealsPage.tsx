// /deals: every deal in one's scope, searchable as one types, filtered, sorted, saved as views,
// exported as CSV, with the count and totals of what the filters select.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { BusinessType, DealForecastCategory, DealStatus } from "@oars/core";
import { ListControls, InputFilter, SelectFilter } from "../crm/ListControls";
import { BUSINESS_TYPE_LABELS, DEAL_STATUS_LABELS, FORECAST_LABELS } from "../crm/labels";
import { AccountFilterChip } from "../crm/AccountFilterChip";
import { usePipeline } from "../crm/names";
import type { ListSearch } from "../crm/queries";
import { dealSummaryQuery, exportHref } from "../crm/queries";
import { dealSearch } from "../crm/search";
import { useCanWrite } from "../crm/useCanWrite";
import { useMoney } from "../crm/useMoney";
import { useSalesList } from "../crm/useSalesList";
import { VirtualTable } from "../crm/VirtualTable";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { DEAL_SORTS, dealColumns } from "./columns";
import { DealViewSwitch } from "./DealViewSwitch";
import { NewDealDialog } from "./NewDealDialog";

const route = getRouteApi("/app/deals");
const DEFAULT_SORT = "closeDate:asc";

export function DealsPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const money = useMoney();
  const canWrite = useCanWrite();
  const pipeline = usePipeline();
  const [creating, setCreating] = useState(false);
  const go = (next: ListSearch, options?: { replace?: boolean }) =>
    void navigate({ to: "/deals", search: next, replace: options?.replace });
  const rows = useSalesList("deals", search, DEFAULT_SORT, go);
  const filters = { ...search, sort: undefined, dir: undefined };
  const summary = useQuery(dealSummaryQuery(filters));
  const count = summary.data?.stages.reduce((n, s) => n + s.count, 0);
  const total = summary.data?.stages.reduce((n, s) => n + s.amountOrgMinor, 0) ?? 0;

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>Deals</h1>
          <p className="muted" aria-live="polite" data-testid="deals-summary">
            {count === undefined
              ? "\u00a0"
              : `${count.toLocaleString()} ${count === 1 ? "deal" : "deals"} · ${money.format(total)}`}
          </p>
        </div>
        <div className="page-actions">
          <DealViewSwitch current="list" search={filters} />
          <a className="button" href={exportHref("deals", search)} download>
            Export CSV
          </a>
          {canWrite ? (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              New deal
            </button>
          ) : null}
        </div>
      </header>

      <ListControls
        entity="deals"
        search={search}
        onChange={go}
        sorts={DEAL_SORTS}
        defaultSort={DEFAULT_SORT}
        parseView={dealSearch}
        searchPlaceholder="Find a deal by name"
      >
        {({ search: s, set }) => (
          <>
            <AccountFilterChip search={s} onClear={() => set("accountId", undefined)} />
            <SelectFilter
              label="Stage"
              value={s.stageId}
              options={pipeline.active.map((stage) => ({ value: stage.id, label: stage.name }))}
              onChange={(v) => set("stageId", v)}
            />
            <SelectFilter
              label="Status"
              value={s.status}
              options={DealStatus.options.map((v) => ({ value: v, label: DEAL_STATUS_LABELS[v] }))}
              onChange={(v) => set("status", v)}
            />
            <SelectFilter
              label="Forecast"
              value={s.forecastCategory}
              options={DealForecastCategory.options.map((v) => ({ value: v, label: FORECAST_LABELS[v] }))}
              onChange={(v) => set("forecastCategory", v)}
            />
            <SelectFilter
              label="Business"
              value={s.businessType}
              options={BusinessType.options.map((v) => ({ value: v, label: BUSINESS_TYPE_LABELS[v] }))}
              onChange={(v) => set("businessType", v)}
            />
            <InputFilter
              label="Closing from"
              type="date"
              value={s.closeFrom}
              onChange={(v) => set("closeFrom", v)}
            />
            <InputFilter
              label="Closing to"
              type="date"
              value={s.closeTo}
              onChange={(v) => set("closeTo", v)}
            />
          </>
        )}
      </ListControls>

      <section className="card list-card" aria-busy={rows.list.isFetching}>
        {rows.list.isPending ? <Loading label="Loading deals…" /> : null}
        {rows.list.isError ? (
          <ErrorNotice error={rows.list.error} onRetry={() => void rows.list.refetch()} />
        ) : null}
        {rows.list.isSuccess && rows.items.length === 0 ? (
          <Empty title={search.q ? `No deal matches “${String(search.q)}”` : "No deals here"}>
            Change the filters, or add a deal with “New deal”.
          </Empty>
        ) : null}
        {rows.items.length > 0 ? (
          <VirtualTable
            label="Deals"
            testId="deals-table"
            columns={dealColumns(pipeline, money.currency)}
            items={rows.items}
            rowKey={(deal) => deal.id}
            sort={rows.sort}
            onSort={rows.onSort}
            hasMore={rows.hasMore}
            loadingMore={rows.loadingMore}
            onLoadMore={rows.loadMore}
            onOpen={(deal) => void navigate({ to: "/deals/$dealId", params: { dealId: deal.id } })}
          />
        ) : null}
      </section>
      {creating ? <NewDealDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
