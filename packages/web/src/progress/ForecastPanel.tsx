// The forecast by category — commit, best case, pipeline: open deals, their weighted amount, the
// manager's adjustment and the total — with the form to adjust a category (with a note, audited)
// and the history of adjustments.
import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ForecastAdjustmentCreate, ForecastAdjustmentRecord, ObjectiveProgress } from "@oars/core";
import { api } from "../api/client";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { money } from "./format";

const CATEGORIES = [
  { key: "commit", label: "Commit" },
  { key: "best_case", label: "Best case" },
  { key: "pipeline", label: "Pipeline" },
] as const;
const FIELDS = ["category", "amountMinor", "note"] as const;

interface AdjustmentList {
  current: Record<ForecastAdjustmentCreate["category"], number>;
  items: ForecastAdjustmentRecord[];
}

/** "-1,500.50" or "2500" in major units → minor units; null when it is not a number. */
function toMinor(text: string): number | null {
  const clean = text.replace(/[\s,]/g, "");
  if (!/^-?\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

export function ForecastPanel({ p }: { p: ObjectiveProgress }) {
  const client = useQueryClient();
  const notify = useToast();
  const key = ["progress", "objectives", p.objectiveId, "adjustments"];
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      api.get<AdjustmentList>(`/api/v1/objectives/${p.objectiveId}/forecast-adjustments`, { signal }),
  });
  const [category, setCategory] = useState<ForecastAdjustmentCreate["category"]>("commit");
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (input: ForecastAdjustmentCreate) =>
      api.post<ForecastAdjustmentRecord>(`/api/v1/objectives/${p.objectiveId}/forecast-adjustments`, input),
    onSuccess: () => {
      setAmount("");
      setNote("");
      void client.invalidateQueries({ queryKey: ["progress"] });
      notify("Forecast adjusted");
    },
  });
  const cats = p.forecast?.byCategory;
  if (!cats) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const amountMinor = toMinor(amount);
    if (amountMinor === null) return setLocalError("Enter an amount, for example 25000 or -12,500.50");
    if (note.trim() === "") return setLocalError("Say why, in a note");
    setLocalError(null);
    add.mutate({ category, amountMinor, note: note.trim() });
  }
  const serverErrors = apiFieldErrors(add.error, FIELDS);
  return (
    <section className="card" aria-labelledby="forecast-cat-title" data-testid="forecast-panel">
      <h2 id="forecast-cat-title" className="card-title">
        Forecast by category
      </h2>
      <div className="table-scroll">
        <table className="table table-row-heads">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Open deals</th>
              <th scope="col">Open amount</th>
              <th scope="col">Weighted</th>
              <th scope="col">Adjustment</th>
              <th scope="col">Counts</th>
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td data-label="Open deals">{cats[c.key].deals}</td>
                <td data-label="Open amount">{money(cats[c.key].openMinor, p.currency)}</td>
                <td data-label="Weighted">{money(cats[c.key].weightedMinor, p.currency)}</td>
                <td data-label="Adjustment">{money(cats[c.key].adjustmentMinor, p.currency)}</td>
                <td data-label="Counts">{money(cats[c.key].totalMinor, p.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="inline-form" onSubmit={submit} noValidate aria-label="Adjust the forecast">
        <Field label="Category" error={serverErrors.category}>
          {(control) => (
            <select
              {...control}
              value={category}
              onChange={(e) => setCategory(e.target.value as ForecastAdjustmentCreate["category"])}
            >
              {CATEGORIES.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={`Adjustment (${p.currency})`} error={serverErrors.amountMinor}>
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          )}
        </Field>
        <Field label="Why" error={serverErrors.note} className="grow">
          {(control) => (
            <input {...control} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="button" disabled={add.isPending}>
          Adjust
        </button>
      </form>
      <FormError message={localError ?? formLevelError(add.error, FIELDS)} />
      <p className="small muted">An adjustment replaces its category&apos;s last one; each is kept below.</p>
      {list.data && list.data.items.length > 0 ? (
        <ul className="small link-list" aria-label="Adjustments, newest first">
          {list.data.items.map((a) => (
            <li key={a.id}>
              {a.createdAt.slice(0, 10)} · {CATEGORIES.find((c) => c.key === a.category)?.label}:{" "}
              {money(a.amountMinor, p.currency)} — {a.note}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
