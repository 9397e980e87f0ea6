// /deals/board: the pipeline as columns, one per stage. Drag a card to another column, or use its
// "Move" menu; won and lost ask for the close date (and the reason).
import { useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import type { Deal } from "@oars/core";
import { usePipeline } from "../crm/names";
import type { ListSearch } from "../crm/queries";
import { dealSummaryQuery, exportHref } from "../crm/queries";
import { useCanWrite } from "../crm/useCanWrite";
import { useMoney } from "../crm/useMoney";
import { useSession } from "../auth/session";
import { Loading } from "../ui/Status";
import { todayIn } from "../ui/format";
import { BoardColumn } from "./BoardColumn";
import { BoardControls } from "./BoardControls";
import { CloseDropBar } from "./CloseDropBar";
import { DealViewSwitch } from "./DealViewSwitch";
import { NewDealDialog } from "./NewDealDialog";
import { useDealMover } from "./useDealMover";

const route = getRouteApi("/app/deals/board");
const CLOSED_DAYS = 30;

function daysAgo(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

export function DealBoard() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const { org } = useSession();
  const pipeline = usePipeline();
  const money = useMoney();
  const canWrite = useCanWrite();
  const mover = useDealMover();
  const summary = useQuery(dealSummaryQuery(search));
  // Won and lost columns would hold years of history: they show the last 30 days.
  const recent = { ...search, closeFrom: search.closeFrom ?? daysAgo(todayIn(org.timeZone), CLOSED_DAYS) };
  const closedSummary = useQuery(dealSummaryQuery(recent));
  const closedTotals = new Map(closedSummary.data?.stages.map((s) => [s.stageId, s]) ?? []);
  const [dragging, setDragging] = useState<Deal | null>(null);
  const dragged = useRef<Deal | null>(null);
  const [creating, setCreating] = useState(false);
  const go = (next: ListSearch, options?: { replace?: boolean }) =>
    void navigate({ to: "/deals/board", search: next, replace: options?.replace });
  const totals = new Map(summary.data?.stages.map((s) => [s.stageId, s]) ?? []);
  const openStages = pipeline.active.filter((s) => s.kind === "open");
  const openTotal = openStages.reduce((n, s) => n + (totals.get(s.id)?.amountOrgMinor ?? 0), 0);
  const weighted = openStages.reduce((n, s) => n + (totals.get(s.id)?.weightedOrgMinor ?? 0), 0);

  return (
    <div className="page page-full">
      <header className="page-header">
        <div>
          <h1>Pipeline board</h1>
          <p className="muted" aria-live="polite">
            {summary.data
              ? `Open pipeline ${money.format(openTotal)} · weighted ${money.format(weighted)}`
              : "\u00a0"}
          </p>
        </div>
        <div className="page-actions">
          <DealViewSwitch current="board" search={search} />
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
      <BoardControls search={search} onChange={go} />
      <p className="visually-hidden">
        Drag a deal to another stage, or use its Move menu to pick the stage with the keyboard.
      </p>
      {!pipeline.ready ? <Loading label="Loading the pipeline…" /> : null}
      <div className="board" data-testid="deal-board">
        {pipeline.active.map((stage) => (
          <BoardColumn
            key={stage.id}
            stage={stage}
            stages={pipeline.active}
            filters={stage.kind === "open" ? search : recent}
            totals={stage.kind === "open" ? totals.get(stage.id) : closedTotals.get(stage.id)}
            window={stage.kind === "open" ? undefined : `Closed in the last ${CLOSED_DAYS} days`}
            pending={mover.pending}
            canMove={canWrite}
            onMove={mover.move}
            dragging={dragging}
            onDragDeal={(deal) => {
              dragged.current = deal;
              setDragging(deal);
            }}
            dropDeal={() => {
              const deal = dragged.current;
              dragged.current = null;
              setDragging(null);
              if (deal) mover.move(deal, stage);
            }}
          />
        ))}
      </div>
      {dragging ? (
        <CloseDropBar
          stages={pipeline.active.filter((s) => s.kind !== "open")}
          onDrop={(stage) => {
            dragged.current = null;
            setDragging(null);
            mover.move(dragging, stage);
          }}
        />
      ) : null}
      {mover.dialog}
      {creating ? <NewDealDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
