// /deals/:id: one deal — where it stands in the pipeline, its figures, how it moved from stage to
// stage, its products, and the activity around it. "Log activity" (or L) starts on this deal.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link, getRouteApi } from "@tanstack/react-router";
import type { DealDetail } from "@oars/core";
import { isApiError } from "../api/client";
import { ActivityTimeline } from "../activities/ActivityTimeline";
import { BUSINESS_TYPE_LABELS, FORECAST_LABELS } from "../crm/labels";
import { LogActivityButton } from "../crm/LogActivityHost";
import { useActivityContext } from "../crm/logActivityStore";
import { formatMoney } from "../crm/money";
import type { Pipeline } from "../crm/names";
import { AccountName, PersonName, StageBadge, usePipeline } from "../crm/names";
import { recordQuery } from "../crm/queries";
import { useMoney } from "../crm/useMoney";
import { useSession } from "../auth/session";
import { ErrorNotice, Loading } from "../ui/Status";
import { formatDate, formatInstant } from "../ui/format";
import { DealProducts, StageHistory } from "./DealHistory";
import { EditDealDialog } from "./EditDealDialog";
import { StageMenu } from "./StageMenu";
import { useDealMover } from "./useDealMover";

const route = getRouteApi("/app/deals/$dealId");

export function DealPage() {
  const { dealId } = route.useParams();
  const deal = useQuery(recordQuery("deals", dealId));
  useActivityContext({ dealId, accountId: deal.data?.accountId ?? null });

  if (deal.isPending) return <Loading />;
  if (deal.isError) {
    return (
      <div className="page narrow">
        {isApiError(deal.error) && deal.error.status === 404 ? (
          <>
            <h1>Deal not found</h1>
            <p className="muted">There is no deal here that you can see. It may have been deleted.</p>
            <Link to="/deals" className="button">
              Back to deals
            </Link>
          </>
        ) : (
          <ErrorNotice error={deal.error} onRetry={() => void deal.refetch()} />
        )}
      </div>
    );
  }
  return <DealView deal={deal.data} />;
}

function DealView({ deal }: { deal: DealDetail }) {
  const session = useSession();
  const pipeline = usePipeline();
  const money = useMoney();
  const mover = useDealMover();
  const stage = pipeline.byId.get(deal.stageId);
  const canWrite = session.person.role !== "viewer";
  const [editing, setEditing] = useState(false);

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="crumbs">
        <Link to="/deals">Deals</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{deal.name}</span>
      </nav>
      <section className="card record-head" aria-labelledby="deal-name">
        <div className="record-title">
          <h1 id="deal-name">{deal.name}</h1>
          <p className="record-tags">
            <StageBadge stage={stage} />
            <span className="muted">Forecast: {FORECAST_LABELS[deal.forecastCategory]}</span>
          </p>
        </div>
        <p className="record-amount num" data-testid="deal-amount">
          {money.format(deal.amountOrgMinor)}
          {deal.currency !== money.currency ? (
            <span className="muted small"> ({formatMoney(deal.amountMinor, deal.currency)})</span>
          ) : null}
        </p>
        <div className="record-actions">
          {canWrite ? (
            <>
              <button type="button" className="button" onClick={() => setEditing(true)}>
                Edit
              </button>
              <StageMenu deal={deal} stages={pipeline.active} onMove={(to) => mover.move(deal, to)} />
            </>
          ) : null}
          <LogActivityButton />
        </div>
        <StagePath pipeline={pipeline} current={deal.stageId} />
      </section>

      <div className="record-grid">
        <section className="card" aria-labelledby="deal-facts">
          <h2 id="deal-facts" className="card-title">
            Details
          </h2>
          <dl className="facts">
            <dt>Account</dt>
            <dd>
              <AccountName id={deal.accountId} />
            </dd>
            <dt>Owner</dt>
            <dd>
              <PersonName id={deal.ownerId} />
            </dd>
            <dt>{deal.status === "open" ? "Expected close" : "Closed"}</dt>
            <dd>{formatDate(deal.closeDate)}</dd>
            <dt>Created</dt>
            <dd>{formatDate(deal.createdDate)}</dd>
            <dt>Probability</dt>
            <dd>{deal.probability}%</dd>
            <dt>Weighted</dt>
            <dd>{money.format(Math.round((deal.amountOrgMinor * deal.probability) / 100))}</dd>
            <dt>Business</dt>
            <dd>{BUSINESS_TYPE_LABELS[deal.businessType]}</dd>
            {deal.lostReason ? (
              <>
                <dt>Lost reason</dt>
                <dd>{deal.lostReason}</dd>
              </>
            ) : null}
            <dt>In stage since</dt>
            <dd>{formatInstant(deal.stageChangedAt)}</dd>
            {deal.externalId ? (
              <>
                <dt>CRM id</dt>
                <dd className="mono">{deal.externalId}</dd>
              </>
            ) : null}
          </dl>
          <DealProducts deal={deal} />
        </section>
        <section className="card" aria-labelledby="deal-history">
          <h2 id="deal-history" className="card-title">
            Stage history
          </h2>
          <StageHistory dealId={deal.id} pipeline={pipeline} />
        </section>
      </div>

      <section className="card" aria-labelledby="deal-activity">
        <div className="card-head">
          <h2 id="deal-activity" className="card-title">
            Activity
          </h2>
        </div>
        <ActivityTimeline
          filter={{ dealId: deal.id }}
          emptyText="Log the first call or meeting on this deal."
        />
      </section>
      {mover.dialog}
      {editing ? <EditDealDialog dealId={deal.id} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}

/** The open stages in order with the deal's place among them; won or lost at the end. */
function StagePath({ pipeline, current }: { pipeline: Pipeline; current: string }) {
  const here = pipeline.byId.get(current);
  const open = pipeline.active.filter((s) => s.kind === "open");
  const reached = here?.kind === "open" ? open.findIndex((s) => s.id === current) : open.length;
  return (
    <ol className="stage-path" aria-label="Pipeline">
      {open.map((stage, index) => (
        <li
          key={stage.id}
          className={
            index < reached
              ? "stage-step stage-step-done"
              : index === reached
                ? "stage-step stage-step-now"
                : "stage-step"
          }
          aria-current={stage.id === current ? "step" : undefined}
        >
          {stage.name}
        </li>
      ))}
      {here && here.kind !== "open" ? (
        <li className={`stage-step stage-step-${here.kind}`} aria-current="step">
          {here.name}
        </li>
      ) : null}
    </ol>
  );
}
