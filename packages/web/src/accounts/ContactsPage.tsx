// /contacts: the people at one's accounts — search, filter by account or buying role, export.
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { BuyingRole } from "@oars/core";
import { AccountFilterChip } from "../crm/AccountFilterChip";
import { BUYING_ROLE_LABELS } from "../crm/labels";
import { ListControls, SelectFilter } from "../crm/ListControls";
import type { ListSearch } from "../crm/queries";
import { exportHref } from "../crm/queries";
import { contactSearch } from "../crm/search";
import { useSalesList } from "../crm/useSalesList";
import { VirtualTable } from "../crm/VirtualTable";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { AccountsTabs } from "./AccountsTabs";
import { CONTACT_SORTS, contactColumns } from "./columns";

const route = getRouteApi("/app/contacts");
const DEFAULT_SORT = "name:asc";

export function ContactsPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const go = (next: ListSearch, options?: { replace?: boolean }) =>
    void navigate({ to: "/contacts", search: next, replace: options?.replace });
  const rows = useSalesList("contacts", search, DEFAULT_SORT, go);

  return (
    <div className="page page-wide">
      <header className="page-header">
        <div>
          <h1>Contacts</h1>
          <AccountsTabs current="contacts" />
        </div>
        <div className="page-actions">
          <a className="button" href={exportHref("contacts", search)} download>
            Export CSV
          </a>
        </div>
      </header>
      <ListControls
        entity="contacts"
        search={search}
        onChange={go}
        sorts={CONTACT_SORTS}
        defaultSort={DEFAULT_SORT}
        parseView={contactSearch}
      >
        {({ search: s, set }) => (
          <>
            <AccountFilterChip search={s} onClear={() => set("accountId", undefined)} />
            <SelectFilter
              label="Buying role"
              value={s.buyingRole}
              options={BuyingRole.options.map((v) => ({ value: v, label: BUYING_ROLE_LABELS[v] }))}
              onChange={(v) => set("buyingRole", v)}
            />
          </>
        )}
      </ListControls>
      <section className="card list-card" aria-busy={rows.list.isFetching}>
        {rows.list.isPending ? <Loading label="Loading contacts…" /> : null}
        {rows.list.isError ? (
          <ErrorNotice error={rows.list.error} onRetry={() => void rows.list.refetch()} />
        ) : null}
        {rows.list.isSuccess && rows.items.length === 0 ? (
          <Empty title={search.q ? `No contact matches “${String(search.q)}”` : "No contacts here"} />
        ) : null}
        {rows.items.length > 0 ? (
          <VirtualTable
            label="Contacts"
            testId="contacts-table"
            columns={contactColumns()}
            items={rows.items}
            rowKey={(c) => c.id}
            sort={rows.sort}
            onSort={rows.onSort}
            hasMore={rows.hasMore}
            loadingMore={rows.loadingMore}
            onLoadMore={rows.loadMore}
            onOpen={(c) => {
              if (c.accountId)
                void navigate({ to: "/accounts/$accountId", params: { accountId: c.accountId } });
            }}
          />
        ) : null}
      </section>
    </div>
  );
}
