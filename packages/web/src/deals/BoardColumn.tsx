// One stage of the board: its totals, its deals (a page at a time), and a drop target for a deal
// dragged from another column.
import { useState } from "react";
import type { DragEvent } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Deal, Stage } from "@oars/core";
import { AccountName, usePersonName } from "../crm/names";
import type { ListSearch } from "../crm/queries";
import { listQuery } from "../crm/queries";
import { useMoney } from "../crm/useMoney";
import { formatDate, initials } from "../ui/format";
import { StageMenu } from "./StageMenu";
import type { PendingMove } from "./useDealMover";

export const DEAL_DRAG_TYPE = "application/x-oars-deal";

interface BoardColumnProps {
  stage: Stage;
  stages: Stage[];
  filters: ListSearch;
  totals: { count: number; amountOrgMinor: number; weightedOrgMinor: number } | undefined;
  pending: ReadonlyMap<string, PendingMove>;
  /** Viewers see the board; they do not move deals. */
  canMove: boolean;
  onMove: (deal: Deal, stage: Stage) => void;
  onDragDeal: (deal: Deal | null) => void;
  dropDeal: () => void;
  dragging: Deal | null;
  /** The time window of a closed column. */
  window?: string;
}

export function BoardColumn(props: BoardColumnProps) {
  const { stage, pending, dragging } = props;
  const money = useMoney();
  const [over, setOver] = useState(false);
  // Closed columns show the latest first; open ones what closes soonest.
  const dir = stage.kind === "open" ? "asc" : "desc";
  const list = useInfiniteQuery(
    listQuery("deals", { ...props.filters, stageId: stage.id, sort: "closeDate", dir }, 25),
  );
  const loaded = list.data?.pages.flatMap((p) => p.items) ?? [];
  // A deal on its way here shows at once; one on its way elsewhere leaves at once. Once the
  // lists have reloaded, the loaded copy takes over.
  const here = new Set(loaded.map((d) => d.id));
  const arriving = [...pending.values()]
    .filter((m) => m.stageId === stage.id && !here.has(m.deal.id))
    .map((m) => ({ ...m.deal, stageId: stage.id }));
  const staying = loaded.filter((d) => (pending.get(d.id)?.stageId ?? stage.id) === stage.id);
  const deals = [...arriving, ...staying];
  const canDrop = dragging !== null && dragging.stageId !== stage.id;
  const count = props.totals?.count ?? 0;

  const onDragOver = (event: DragEvent) => {
    if (!canDrop) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (!over) setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (canDrop) props.dropDeal();
  };

  return (
    <section
      className={[
        "board-column",
        `board-column-${stage.kind}`,
        over && canDrop ? "board-column-over" : "",
      ].join(" ")}
      aria-labelledby={`stage-${stage.id}`}
      data-testid={`board-column-${stage.name}`}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
    >
      <header className="board-column-head">
        <h2 id={`stage-${stage.id}`} className="board-column-title">
          {stage.name}
          <span className="board-count">{count.toLocaleString()}</span>
        </h2>
        <p className="muted small">
          {money.compact(props.totals?.amountOrgMinor ?? 0)}
          {stage.kind === "open"
            ? ` · ${money.compact(props.totals?.weightedOrgMinor ?? 0)} weighted`
            : ` · ${props.window ?? ""}`}
        </p>
      </header>
      <ul className="board-cards" aria-label={`${stage.name}: ${count} deals`}>
        {deals.map((deal) => (
          <DealCard
            key={deal.id}
            deal={deal}
            stages={props.stages}
            moving={pending.has(deal.id)}
            canMove={props.canMove}
            onMove={props.onMove}
            onDrag={props.onDragDeal}
          />
        ))}
        {list.isSuccess && deals.length === 0 ? <li className="board-empty muted small">No deals</li> : null}
      </ul>
      {list.hasNextPage ? (
        <button
          type="button"
          className="button button-small board-more"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? "Loading…" : `Show more ${stage.name}`}
        </button>
      ) : null}
    </section>
  );
}

interface DealCardProps {
  deal: Deal;
  stages: Stage[];
  moving: boolean;
  canMove: boolean;
  onMove: (deal: Deal, stage: Stage) => void;
  onDrag: (deal: Deal | null) => void;
}

function DealCard({ deal, stages, moving, canMove, onMove, onDrag }: DealCardProps) {
  const money = useMoney();
  const directoryName = usePersonName(deal.ownerId);
  const owner = deal.ownerName ?? directoryName;
  return (
    <li
      className={moving ? "deal-card deal-card-moving" : "deal-card"}
      draggable={canMove}
      data-testid="deal-card"
      onDragStart={(event) => {
        event.dataTransfer.setData(DEAL_DRAG_TYPE, deal.id);
        event.dataTransfer.setData("text/plain", deal.name);
        event.dataTransfer.effectAllowed = "move";
        onDrag(deal);
      }}
      onDragEnd={() => onDrag(null)}
    >
      <Link to="/deals/$dealId" params={{ dealId: deal.id }} className="deal-card-name" draggable={false}>
        {deal.name}
      </Link>
      <span className="small deal-card-account">
        {deal.accountName !== undefined ? (
          (deal.accountName ?? "")
        ) : (
          <AccountName id={deal.accountId} link={false} />
        )}
      </span>
      <div className="deal-card-meta">
        <span className="num strong">{money.format(deal.amountOrgMinor)}</span>
        <span className="muted small">{formatDate(deal.closeDate)}</span>
      </div>
      <div className="deal-card-foot">
        <span className="avatar avatar-small" title={owner} aria-hidden="true">
          {owner ? initials(owner) : "…"}
        </span>
        <span className="visually-hidden">Owner: {owner}</span>
        {canMove ? (
          <StageMenu
            deal={deal}
            stages={stages}
            onMove={(stage) => onMove(deal, stage)}
            label="Move"
            className="button button-small deal-card-move"
          />
        ) : null}
      </div>
    </li>
  );
}
