// Adjusting a proposed commitment: the manager sets the number they agree to (and why), checked
// before it is sent; the server's own objections land beside the field they concern.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import type { Commitment } from "@oars/core";
import { api } from "../api/client";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { formatAmount, parseAmount } from "./gridModel";

interface Props {
  commitment: Commitment;
  isMoney: boolean;
  /** The currency or the unit, shown beside the amount. */
  unit: string;
  onClose: () => void;
  onSaved: () => void;
}

const FIELDS = ["amount", "note", "status"] as const;

export function AdjustCommitmentDialog({ commitment: c, isMoney, unit, onClose, onSaved }: Props) {
  const [text, setText] = useState(String(isMoney ? c.amount / 100 : c.amount));
  const [note, setNote] = useState(c.note);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (amount: number) =>
      api.patch<Commitment>(`/api/v1/commitments/${c.id}`, { version: c.version, amount, note }),
    onSuccess: onSaved,
  });
  const serverErrors = apiFieldErrors(save.error, FIELDS);
  const check = (value: string): number | string => {
    if (value.trim() === "") return "Type the number you agree to.";
    // parseAmount reads a blank cell as 0; here a number must be typed.
    const amount = /\d/.test(value) ? parseAmount(value, isMoney) : null;
    if (amount === null) return `Must be a number, 0 or more${isMoney ? ", in " + unit : ""}.`;
    if (amount === c.amount) return "That is the proposed number: accept it instead.";
    return amount;
  };

  return (
    <Dialog
      title={`Adjust ${c.ownerName}'s number`}
      description={`Proposed: ${formatAmount(c.amount, isMoney)} ${unit}`}
      onClose={onClose}
      testId="adjust-dialog"
    >
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const checked = check(text);
          if (typeof checked === "string") setProblem(checked);
          else save.mutate(checked);
        }}
      >
        <Field label={`Agreed number (${unit})`} error={problem ?? serverErrors.amount}>
          {(p) => (
            <input
              {...p}
              className="input"
              inputMode="decimal"
              data-autofocus
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setProblem(null);
              }}
            />
          )}
        </Field>
        <Field label="Why (optional)" error={serverErrors.note}>
          {(p) => (
            <textarea
              {...p}
              className="input"
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
        <FormError message={formLevelError(save.error, FIELDS)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Adjust"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
