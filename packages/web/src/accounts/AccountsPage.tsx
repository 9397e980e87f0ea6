// /accounts: the companies in one's scope — search, filter by industry, segment, region, tier or
// tag, sort, save the view, export it.
import { useState } from "react";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { ListControls, InputFilter } from "../crm/ListControls";
import type { ListSearch } from "../crm/queries";
import { exportHref } from "../crm/queries";
import { accountSearch } from "../crm/search";
import { useCanWrite } from "../crm/useCanWrite";
import { useMoney } from "../crm/useMoney";
import { useSalesList } from "../crm/useSalesList";
import { VirtualTable } from "../crm/VirtualTable";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { AccountsTabs } from "./AccountsTabs";
import { ACCOUNT_SORTS, accountColumns } from "./columns";
import { NewAccountDialog } from "./NewAccountDialog";

const route = getRouteApi("/app/accounts");
const DEFAULT_SORT = "name:asc";

export function AccountsPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const money = useMoney();
  const canWrite = useCanWrite();
  const [creating, setCreating] = useState(false);
  const go = (next: ListSearch, options?: { replace?: boolean }) =>
    void navigate({ to: "/accounts", search: next, replace: options?.replace });
  const rows = useSalesList("accounts", search, DEFAULT_SORT, go);

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>Accounts</h1>
          <AccountsTabs current="accounts" />
        </div>
        <div className="page-actions">
          <a className="button" href={exportHref("accounts", search)} download>
            Export CSV
          </a>
          {canWrite ? (
            <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
              New account
            </button>
          ) : null}
        </div>
      </header>
      <ListControls
        entity="accounts"
        search={search}
        onChange={go}
        sorts={ACCOUNT_SORTS}
        defaultSort={DEFAULT_SORT}
        parseView={accountSearch}
      >
        {({ search: s, set }) => (
          <>
            <InputFilter label="Industry" value={s.industry} onChange={(v) => set("industry", v)} />
            <InputFilter label="Segment" value={s.segment} onChange={(v) => set("segment", v)} />
            <InputFilter label="Region" value={s.region} onChange={(v) => set("region", v)} />
            <InputFilter label="Tier" value={s.tier} onChange={(v) => set("tier", v)} />
            <InputFilter label="Tag" value={s.tag} onChange={(v) => set("tag", v)} />
          </>
        )}
      </ListControls>
      <section className="card list-card" aria-busy={rows.list.isFetching}>
        {rows.list.isPending ? <Loading label="Loading accounts…" /> : null}
        {rows.list.isError ? (
          <ErrorNotice error={rows.list.error} onRetry={() => void rows.list.refetch()} />
        ) : null}
        {rows.list.isSuccess && rows.items.length === 0 ? (
          <Empty title={search.q ? `No account matches “${String(search.q)}”` : "No accounts here"}>
            Change the filters, add an account, or import them from your CRM.
          </Empty>
        ) : null}
        {rows.items.length > 0 ? (
          <VirtualTable
            label="Accounts"
            testId="accounts-table"
            columns={accountColumns(money.currency)}
            items={rows.items}
            rowKey={(a) => a.id}
            sort={rows.sort}
            onSort={rows.onSort}
            hasMore={rows.hasMore}
            loadingMore={rows.loadingMore}
            onLoadMore={rows.loadMore}
            onOpen={(a) => void navigate({ to: "/accounts/$accountId", params: { accountId: a.id } })}
          />
        ) : null}
      </section>
      {creating ? <NewAccountDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
