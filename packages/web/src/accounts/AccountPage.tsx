// /accounts/:id: one account — who owns it, its figures, its contacts, its deals and everything
// that happened with it. "Log activity" (or L) starts on this account.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, getRouteApi } from "@tanstack/react-router";
import type { Account } from "@oars/core";
import { isApiError } from "../api/client";
import { ActivityTimeline } from "../activities/ActivityTimeline";
import { useSession } from "../auth/session";
import { LogActivityButton } from "../crm/LogActivityHost";
import { useActivityContext } from "../crm/logActivityStore";
import { AccountName, PersonName, usePipeline } from "../crm/names";
import { dealSummaryQuery, recordQuery } from "../crm/queries";
import { useMoney } from "../crm/useMoney";
import { NewDealDialog } from "../deals/NewDealDialog";
import { ErrorNotice, Loading } from "../ui/Status";
import { AccountContacts, AccountDeals } from "./AccountSections";
import { EditAccountDialog } from "./EditAccountDialog";

const route = getRouteApi("/app/accounts/$accountId");

export function AccountPage() {
  const { accountId } = route.useParams();
  const account = useQuery(recordQuery("accounts", accountId));
  useActivityContext({ accountId });

  if (account.isPending) return <Loading />;
  if (account.isError) {
    return (
      <div className="page narrow">
        {isApiError(account.error) && account.error.status === 404 ? (
          <>
            <h1>Account not found</h1>
            <p className="muted">There is no account here that you can see. It may have been deleted.</p>
            <Link to="/accounts" className="button">
              Back to accounts
            </Link>
          </>
        ) : (
          <ErrorNotice error={account.error} onRetry={() => void account.refetch()} />
        )}
      </div>
    );
  }
  return <AccountView account={account.data} />;
}

function AccountView({ account }: { account: Account }) {
  const session = useSession();
  const money = useMoney();
  const pipeline = usePipeline();
  const [creatingDeal, setCreatingDeal] = useState(false);
  const [editing, setEditing] = useState(false);
  const summary = useQuery(dealSummaryQuery({ accountId: account.id }));
  const sumOf = (kind: "open" | "won") =>
    summary.data?.stages
      .filter((s) => pipeline.byId.get(s.stageId)?.kind === kind)
      .reduce((n, s) => n + s.amountOrgMinor, 0) ?? 0;
  const classification = [account.industry, account.segment, account.region].filter(Boolean).join(" · ");

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link to="/accounts">Accounts</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{account.name}</span>
      </nav>
      <section className="card record-head" aria-labelledby="account-name">
        <div className="record-title">
          <h1 id="account-name">{account.name}</h1>
          <p className="record-tags">
            {account.tier ? <span className="tag tag-accent">{account.tier}</span> : null}
            {classification ? <span className="muted">{classification}</span> : null}
          </p>
          <p className="muted small">
            Owner <PersonName id={account.ownerId} />
          </p>
        </div>
        <dl className="record-figures">
          <div>
            <dt>Open pipeline</dt>
            <dd className="num">{summary.data ? money.format(sumOf("open")) : "…"}</dd>
          </div>
          <div>
            <dt>Won</dt>
            <dd className="num">{summary.data ? money.format(sumOf("won")) : "…"}</dd>
          </div>
        </dl>
        <div className="record-actions">
          {session.person.role !== "viewer" ? (
            <>
              <button type="button" className="button" onClick={() => setEditing(true)}>
                Edit
              </button>
              <button type="button" className="button" onClick={() => setCreatingDeal(true)}>
                New deal
              </button>
            </>
          ) : null}
          <LogActivityButton />
        </div>
      </section>

      <div className="record-grid">
        <section className="card" aria-labelledby="account-facts">
          <h2 id="account-facts" className="card-title">
            Details
          </h2>
          <dl className="facts">
            <dt>Owner</dt>
            <dd>
              <PersonName id={account.ownerId} />
            </dd>
            <dt>Employees</dt>
            <dd>{account.employeeCount?.toLocaleString() ?? "—"}</dd>
            <dt>Annual revenue</dt>
            <dd>{money.format(account.annualRevenueMinor)}</dd>
            <dt>Website</dt>
            <dd>
              {account.website ? (
                <a href={account.website} target="_blank" rel="noreferrer noopener">
                  {account.website.replace(/^https?:\/\//, "")}
                </a>
              ) : (
                "—"
              )}
            </dd>
            {account.parentId ? (
              <>
                <dt>Part of</dt>
                <dd>
                  <AccountName id={account.parentId} />
                </dd>
              </>
            ) : null}
            {account.tags.length > 0 ? (
              <>
                <dt>Tags</dt>
                <dd className="tag-list">
                  {account.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
            {account.externalId ? (
              <>
                <dt>CRM id</dt>
                <dd className="mono">{account.externalId}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <AccountContacts accountId={account.id} />
      </div>
      <AccountDeals accountId={account.id} />
      <section className="card" aria-labelledby="account-activity">
        <h2 id="account-activity" className="card-title">
          Activity
        </h2>
        <ActivityTimeline
          filter={{ accountId: account.id }}
          emptyText="Log the first call, email or meeting with this account."
        />
      </section>
      {creatingDeal ? <NewDealDialog accountId={account.id} onClose={() => setCreatingDeal(false)} /> : null}
      {editing ? <EditAccountDialog accountId={account.id} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
