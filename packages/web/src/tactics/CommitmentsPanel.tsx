// Bottom-up beside the grid: each person (or the manager for them) commits a number, the manager
// accepts or adjusts it, the gap between what is agreed and the target shows live, and the agreed
// numbers can become the grid's rows.
import { memo, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { Commitment, CommitmentList, GridRow, TacticalPlan } from "@oars/core";
import { api, query } from "../api/client";
import { errorMessage } from "../api/errors";
import { useSession } from "../auth/session";
import { useToast } from "../ui/Toast";
import { AdjustCommitmentDialog } from "./AdjustCommitmentDialog";
import { formatAmount, parseAmount } from "./gridModel";

interface Props {
  plan: TacticalPlan;
  objectiveId: string;
  rows: readonly GridRow[];
  isMoney: boolean;
  /** The currency or the count's unit. */
  unit: string;
  onUseAgreed: (amounts: Record<string, number>) => void;
}

// Memoised: a cell edit re-renders the grid editor, and nothing here depends on the cells.
export const CommitmentsPanel = memo(function CommitmentsPanel({
  plan,
  objectiveId,
  rows,
  isMoney,
  unit,
  onUseAgreed,
}: Props) {
  const session = useSession();
  const notify = useToast();
  const key = ["tactics", "commitments", plan.id, objectiveId] as const;
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      api.get<CommitmentList>(`/api/v1/tactical-plans/${plan.id}/commitments${query({ objectiveId })}`, {
        signal,
      }),
  });
  const [mine, setMine] = useState("");
  const [adjusting, setAdjusting] = useState<Commitment | null>(null);
  const me = session.person.id;
  const propose = useMutation({
    mutationFn: (amount: number) =>
      api.post<Commitment>(`/api/v1/tactical-plans/${plan.id}/commitments`, {
        objectiveId,
        ownerId: me,
        amount,
      }),
    onSuccess: () => {
      setMine("");
      void list.refetch();
    },
    onError: (e) => notify(errorMessage(e), "error"),
  });
  const decide = useMutation({
    mutationFn: ({ c }: { c: Commitment }) =>
      api.patch<Commitment>(`/api/v1/commitments/${c.id}`, { version: c.version, status: "accepted" }),
    onSuccess: () => void list.refetch(),
    onError: (e) => notify(errorMessage(e), "error"),
  });
  const items = list.data?.items ?? [];
  const gap = list.data?.gap;
  const inRows = new Set(rows.map((r) => r.id));
  const agreed = Object.fromEntries(
    items.filter((c) => c.status !== "proposed" && inRows.has(c.ownerId)).map((c) => [c.ownerId, c.amount]),
  );
  const fmt = (n: number) => formatAmount(n, isMoney);

  return (
    <section className="card commitments" aria-label="Commitments" data-testid="commitments">
      <div className="section-head">
        <h2 className="card-title">Bottom-up commitments</h2>
        {plan.canEdit && Object.keys(agreed).length > 0 ? (
          <button type="button" className="button button-small" onClick={() => onUseAgreed(agreed)}>
            Use the agreed numbers
          </button>
        ) : null}
      </div>
      {gap ? (
        <p className="small">
          Agreed {fmt(gap.agreed)} · proposed {fmt(gap.pending)} · the objective's target {fmt(gap.target)} ·{" "}
          <strong className={gap.gap === 0 ? "hint-ok" : "hint-warn"}>gap {fmt(gap.gap)}</strong>
          {gap.pending > 0 ? ` (${fmt(gap.gapIfAllAgreed)} if every proposal were accepted)` : ""}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ul className="week-items">
          {items.map((c) => (
            <li key={c.id} className="week-item">
              <span>
                <span className="strong">{c.ownerName}</span> {fmt(c.amount)}{" "}
                <span className={c.status === "proposed" ? "tag tag-warn" : "tag tag-accent"}>
                  {c.status}
                </span>
                {c.note ? <span className="muted small"> — {c.note}</span> : null}
              </span>
              {plan.canEdit && c.status === "proposed" ? (
                <span className="page-actions">
                  <button type="button" className="button button-small" onClick={() => decide.mutate({ c })}>
                    Accept
                  </button>
                  <button type="button" className="button button-small" onClick={() => setAdjusting(c)}>
                    Adjust
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">Nobody has committed a number yet.</p>
      )}
      {inRows.has(me) &&
      (plan.status === "draft" || plan.status === "active") &&
      session.person.role !== "viewer" ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const amount = /\d/.test(mine) ? parseAmount(mine, isMoney) : null;
            if (amount !== null) propose.mutate(amount);
          }}
        >
          <label className="field-inline">
            <span>My number</span>
            <input
              className="input input-small"
              inputMode="decimal"
              value={mine}
              onChange={(e) => setMine(e.target.value)}
            />
          </label>
          <button type="submit" className="button button-small" disabled={propose.isPending || mine === ""}>
            Commit
          </button>
        </form>
      ) : null}
      {adjusting ? (
        <AdjustCommitmentDialog
          commitment={adjusting}
          isMoney={isMoney}
          unit={unit}
          onClose={() => setAdjusting(null)}
          onSaved={() => {
            setAdjusting(null);
            void list.refetch();
          }}
        />
      ) : null}
    </section>
  );
});
