// Closing a deal: won asks the day it closed; lost asks that and why.
import { useState } from "react";
import type { FormEvent } from "react";
import type { Deal, Stage } from "@oars/core";
import { useSession } from "../auth/session";
import { COMMON_LOST_REASONS } from "../crm/labels";
import { useMoney } from "../crm/useMoney";
import { Dialog } from "../ui/Dialog";
import { Field } from "../ui/Field";
import { todayIn } from "../ui/format";
import { checked, useValidation } from "../ui/useValidation";

interface MoveDealDialogProps {
  deal: Deal;
  stage: Stage;
  onCancel: () => void;
  onConfirm: (extra: { closeDate: string; lostReason?: string }) => void;
}

export function MoveDealDialog({ deal, stage, onCancel, onConfirm }: MoveDealDialogProps) {
  const { org } = useSession();
  const money = useMoney();
  const lost = stage.kind === "lost";
  const [closeDate, setCloseDate] = useState(todayIn(org.timeZone));
  const [lostReason, setLostReason] = useState("");
  const check = useValidation(
    checked(
      { closeDate, lostReason: lostReason.trim() },
      {
        closeDate: /^\d{4}-\d{2}-\d{2}$/.test(closeDate) ? null : "Enter the day the deal closed",
        lostReason: lost && lostReason.trim() === "" ? "Say why the deal was lost" : null,
      },
    ),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (!input) return;
    onConfirm(lost ? input : { closeDate: input.closeDate });
  }

  return (
    <Dialog
      title={lost ? `Mark ${deal.name} as lost` : `Mark ${deal.name} as won`}
      description={`${money.format(deal.amountOrgMinor)} · moves to ${stage.name}`}
      onClose={onCancel}
      testId="move-deal"
    >
      <form className="stack" onSubmit={submit} noValidate>
        <Field label="Close date" error={check.errors.closeDate} hint="The day it was won or lost.">
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              value={closeDate}
              onChange={(e) => setCloseDate(e.target.value)}
              data-autofocus={lost ? undefined : true}
            />
          )}
        </Field>
        {lost ? (
          <Field label="Lost reason" error={check.errors.lostReason}>
            {(control) => (
              <>
                <input
                  {...control}
                  className="input"
                  list="lost-reasons"
                  value={lostReason}
                  onChange={(e) => setLostReason(e.target.value)}
                  data-autofocus
                />
                <datalist id="lost-reasons">
                  {COMMON_LOST_REASONS.map((r) => (
                    <option key={r} value={r} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className={lost ? "button button-danger" : "button button-primary"}>
            {lost ? "Mark as lost" : "Mark as won"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
