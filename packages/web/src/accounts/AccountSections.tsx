// An account's contacts and deals, the first few of each with a link to the whole filtered list.
import { useState } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { BUYING_ROLE_LABELS } from "../crm/labels";
import { StageBadge, usePipeline } from "../crm/names";
import { listQuery } from "../crm/queries";
import { useCanWrite } from "../crm/useCanWrite";
import { useMoney } from "../crm/useMoney";
import { Empty, ErrorNotice, Loading } from "../ui/Status";
import { formatDate, initials } from "../ui/format";
import { ContactDialog } from "./ContactDialog";

const SHOWN = 8;

export function AccountContacts({ accountId }: { accountId: string }) {
  const list = useInfiniteQuery(listQuery("contacts", { accountId, sort: "name" }, SHOWN + 1));
  const items = list.data?.pages[0]?.items ?? [];
  const canWrite = useCanWrite();
  // "new" adds a contact; an id edits that one.
  const [dialog, setDialog] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="account-contacts">
      <div className="card-head">
        <h2 id="account-contacts" className="card-title">
          Contacts
        </h2>
        <div className="card-head-actions">
          {items.length > SHOWN ? (
            <Link to="/contacts" search={{ accountId }} className="small">
              All contacts
            </Link>
          ) : null}
          {canWrite ? (
            <button type="button" className="button button-small" onClick={() => setDialog("new")}>
              Add contact
            </button>
          ) : null}
        </div>
      </div>
      {list.isPending ? <Loading label="Loading contacts…" /> : null}
      {list.isError ? <ErrorNotice error={list.error} /> : null}
      {list.isSuccess && items.length === 0 ? <Empty title="No contacts yet" /> : null}
      <ul className="contact-list">
        {items.slice(0, SHOWN).map((contact) => (
          <li key={contact.id} className="contact-row">
            <span className="avatar avatar-small" aria-hidden="true">
              {initials(contact.name)}
            </span>
            <div className="contact-main">
              <span className="strong">{contact.name}</span>
              <span className="muted small">
                {[contact.title, contact.buyingRole ? BUYING_ROLE_LABELS[contact.buyingRole] : null]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </div>
            {canWrite ? (
              <button
                type="button"
                className="button button-small"
                aria-label={`Edit ${contact.name}`}
                onClick={() => setDialog(contact.id)}
              >
                Edit
              </button>
            ) : null}
            <div className="contact-reach small">
              {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}
              {contact.phone ? <a href={`tel:${contact.phone}`}>{contact.phone}</a> : null}
            </div>
          </li>
        ))}
      </ul>
      {dialog ? (
        <ContactDialog
          accountId={accountId}
          contactId={dialog === "new" ? undefined : dialog}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </section>
  );
}

export function AccountDeals({ accountId }: { accountId: string }) {
  const pipeline = usePipeline();
  const money = useMoney();
  const list = useInfiniteQuery(listQuery("deals", { accountId, sort: "closeDate", dir: "desc" }, SHOWN + 1));
  const items = list.data?.pages[0]?.items ?? [];
  // Open deals first: they are what the account manager works on.
  const shown = [...items.slice(0, SHOWN)].sort(
    (a, b) => Number(b.status === "open") - Number(a.status === "open"),
  );
  return (
    <section className="card" aria-labelledby="account-deals">
      <div className="card-head">
        <h2 id="account-deals" className="card-title">
          Deals
        </h2>
        <Link to="/deals" search={{ accountId }} className="small">
          {items.length > SHOWN ? "All deals" : "Open in the deals list"}
        </Link>
      </div>
      {list.isPending ? <Loading label="Loading deals…" /> : null}
      {list.isError ? <ErrorNotice error={list.error} /> : null}
      {list.isSuccess && items.length === 0 ? <Empty title="No deals yet" /> : null}
      {shown.length > 0 ? (
        <ul className="deal-list">
          {shown.map((deal) => (
            <li key={deal.id} className="deal-list-row">
              <Link to="/deals/$dealId" params={{ dealId: deal.id }} className="deal-list-name">
                {deal.name}
              </Link>
              <StageBadge stage={pipeline.byId.get(deal.stageId)} />
              <span className="num deal-list-amount">{money.format(deal.amountOrgMinor)}</span>
              <span className="muted small nowrap">{formatDate(deal.closeDate)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
