// Check-ins of a manual objective: the owner records a value, a confidence and a note; the latest
// is the objective's actual, and the history stays.
import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Checkin, CheckinCreate, ObjectiveProgress } from "@oars/core";
import { api } from "../api/client";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { figure, pct } from "./format";

const FIELDS = ["value", "confidence", "note", "date"] as const;

export function CheckinPanel({ p }: { p: ObjectiveProgress }) {
  const client = useQueryClient();
  const notify = useToast();
  const key = ["progress", "objectives", p.objectiveId, "checkins"];
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      api.get<{ items: Checkin[] }>(`/api/v1/objectives/${p.objectiveId}/checkins`, { signal }),
  });
  const [value, setValue] = useState("");
  const [confidence, setConfidence] = useState("70");
  const [note, setNote] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (input: CheckinCreate) =>
      api.post<Checkin>(`/api/v1/objectives/${p.objectiveId}/checkins`, input),
    onSuccess: () => {
      setValue("");
      setNote("");
      void client.invalidateQueries({ queryKey: ["progress"] });
      notify("Check-in saved");
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const v = Number(value.replace(/,/g, ""));
    if (value.trim() === "" || !Number.isFinite(v)) return setLocalError("Enter the value reached so far");
    const c = Number(confidence);
    if (!Number.isFinite(c) || c < 0 || c > 100)
      return setLocalError("Confidence is a percent from 0 to 100");
    setLocalError(null);
    add.mutate({ value: v, confidence: c / 100, ...(note.trim() ? { note: note.trim() } : {}) });
  }
  const serverErrors = apiFieldErrors(add.error, FIELDS);
  return (
    <section className="card" aria-labelledby="checkins-title" data-testid="checkins">
      <h2 id="checkins-title" className="card-title">
        Check-ins
      </h2>
      <form className="inline-form" onSubmit={submit} noValidate aria-label="New check-in">
        <Field label="Value so far" error={serverErrors.value}>
          {(control) => (
            <input
              {...control}
              inputMode="decimal"
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <Field label="Confidence (%)" error={serverErrors.confidence}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={0}
              max={100}
              value={confidence}
              onChange={(e) => setConfidence(e.target.value)}
            />
          )}
        </Field>
        <Field label="Note" error={serverErrors.note} className="grow">
          {(control) => (
            <input {...control} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
        <button type="submit" className="button" disabled={add.isPending}>
          Check in
        </button>
      </form>
      <FormError message={localError ?? formLevelError(add.error, FIELDS)} />
      {list.data && list.data.items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Value</th>
              <th scope="col">Confidence</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((c) => (
              <tr key={c.id}>
                <td data-label="Date">{c.date}</td>
                <td data-label="Value">{figure(c.value, p)}</td>
                <td data-label="Confidence">{pct(c.confidence)}</td>
                <td data-label="Note">{c.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">No check-in yet.</p>
      )}
    </section>
  );
}
