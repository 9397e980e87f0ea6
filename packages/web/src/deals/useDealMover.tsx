// Moving a deal to another stage, from the board (drag or menu) or the deal's page. An open stage
// moves at once; a won or lost stage first asks what it needs: the day it closed, and why it was
// lost. Until the lists have reloaded, the board already shows the deal in its new column.
import { useState } from "react";
import type { ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { Deal, Stage } from "@oars/core";
import { errorMessage } from "../api/errors";
import { useUpdateDeal } from "../crm/mutations";
import { useToast } from "../ui/Toast";
import { MoveDealDialog } from "./MoveDealDialog";

export interface PendingMove {
  deal: Deal;
  stageId: string;
}

export interface DealMover {
  move: (deal: Deal, stage: Stage) => void;
  /** Deals on their way to another stage, by deal id. */
  pending: ReadonlyMap<string, PendingMove>;
  dialog: ReactNode;
}

export function useDealMover(): DealMover {
  const update = useUpdateDeal();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [pending, setPending] = useState<ReadonlyMap<string, PendingMove>>(new Map());
  const [asking, setAsking] = useState<{ deal: Deal; stage: Stage } | null>(null);

  async function send(deal: Deal, stage: Stage, extra: { closeDate?: string; lostReason?: string } = {}) {
    setPending((map) => new Map(map).set(deal.id, { deal, stageId: stage.id }));
    try {
      await update.mutateAsync({ id: deal.id, version: deal.version, stageId: stage.id, ...extra });
      notify(`${deal.name} moved to ${stage.name}`);
      await queryClient.invalidateQueries({ queryKey: ["crm", "deals", "list"] });
    } catch (error) {
      notify(`${deal.name} was not moved: ${errorMessage(error)}`, "error");
    } finally {
      setPending((map) => {
        const next = new Map(map);
        next.delete(deal.id);
        return next;
      });
    }
  }

  function move(deal: Deal, stage: Stage) {
    if (stage.id === deal.stageId) return;
    if (stage.kind === "open") void send(deal, stage);
    else setAsking({ deal, stage });
  }

  const dialog = asking ? (
    <MoveDealDialog
      deal={asking.deal}
      stage={asking.stage}
      onCancel={() => setAsking(null)}
      onConfirm={(extra) => {
        void send(asking.deal, asking.stage, extra);
        setAsking(null);
      }}
    />
  ) : null;
  return { move, pending, dialog };
}
