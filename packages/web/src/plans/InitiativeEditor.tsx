// Adding or changing a key initiative: owner, dates, budget, status and the objectives it serves.
import { useState } from "react";
import type { Initiative, Objective, StrategicPlan } from "@oars/core";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { useSession } from "../auth/session";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { INITIATIVE_STATUS_LABELS, toMajor, toMinor, parseOwner } from "./labels";
import { OwnerSelect } from "./pickers";
import { useSaveInitiative } from "./queries";

const FIELDS = [
  "title",
  "description",
  "ownerId",
  "startDate",
  "endDate",
  "budgetMinor",
  "status",
  "objectiveIds",
];

interface Props {
  plan: StrategicPlan;
  initiative: Initiative | null;
  objectives: Objective[];
  onClose: () => void;
}

export function InitiativeEditor({ plan, initiative: i, objectives, onClose }: Props) {
  const session = useSession();
  const currency = i?.currency ?? session.org.currency;
  const save = useSaveInitiative(plan.id);
  const notify = useToast();
  const [title, setTitle] = useState(i?.title ?? "");
  const [description, setDescription] = useState(i?.description ?? "");
  const [owner, setOwner] = useState(
    i ? (i.ownerType && i.ownerId ? `${i.ownerType}:${i.ownerId}` : "") : `${plan.ownerType}:${plan.ownerId}`,
  );
  const [startDate, setStartDate] = useState(i?.startDate ?? plan.horizonStart);
  const [endDate, setEndDate] = useState(i?.endDate ?? plan.horizonEnd);
  const [budget, setBudget] = useState(
    i && i.budgetMinor > 0 ? String(toMajor(i.budgetMinor, currency)) : "",
  );
  const [status, setStatus] = useState<Initiative["status"]>(i?.status ?? "planned");
  const [serves, setServes] = useState<string[]>(i?.objectiveIds ?? []);
  const errors = apiFieldErrors(save.error, FIELDS);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const fields = {
      title,
      description,
      ...parseOwner(owner),
      startDate: startDate || null,
      endDate: endDate || null,
      budgetMinor: budget ? toMinor(Number(budget), currency) : 0,
      status,
      objectiveIds: serves,
    };
    const done = () => {
      notify(i ? "Initiative saved" : "Initiative added");
      onClose();
    };
    if (i) save.mutate({ id: i.id, patch: { ...fields, version: i.version } }, { onSuccess: done });
    else save.mutate({ create: fields }, { onSuccess: done });
  }

  return (
    <Dialog title={i ? "Edit initiative" : "New initiative"} onClose={onClose} wide>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label="Title" error={errors.title}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              maxLength={200}
              data-autofocus
            />
          )}
        </Field>
        <Field label="Description" error={errors.description}>
          {(c) => (
            <textarea
              {...c}
              className="input"
              rows={2}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <div className="field-row">
          <Field label="Owner" error={errors.ownerId}>
            {(c) => <OwnerSelect control={c} value={owner} onChange={setOwner} />}
          </Field>
          <Field label="Status" error={errors.status}>
            {(c) => (
              <select
                {...c}
                className="input"
                value={status}
                onChange={(e) => setStatus(e.target.value as Initiative["status"])}
              >
                {Object.entries(INITIATIVE_STATUS_LABELS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field label="Starts" error={errors.startDate}>
            {(c) => (
              <input
                {...c}
                type="date"
                className="input"
                value={startDate}
                onChange={(e) => setStartDate(e.target.value)}
              />
            )}
          </Field>
          <Field label="Ends" error={errors.endDate}>
            {(c) => (
              <input
                {...c}
                type="date"
                className="input"
                value={endDate}
                onChange={(e) => setEndDate(e.target.value)}
              />
            )}
          </Field>
          <Field label={`Budget (${currency})`} error={errors.budgetMinor}>
            {(c) => (
              <input
                {...c}
                type="number"
                min={0}
                step="any"
                className="input"
                value={budget}
                onChange={(e) => setBudget(e.target.value)}
              />
            )}
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend>Serves these objectives</legend>
          {objectives.length === 0 ? <p className="muted small">The plan has no objectives yet.</p> : null}
          {objectives.map((o) => (
            <label key={o.id} className="checkbox wrap">
              <input
                type="checkbox"
                checked={serves.includes(o.id)}
                onChange={(e) =>
                  setServes(e.target.checked ? [...serves, o.id] : serves.filter((x) => x !== o.id))
                }
              />
              {o.title}
            </label>
          ))}
          {errors.objectiveIds ? <p className="field-error">{errors.objectiveIds}</p> : null}
        </fieldset>
        <FormError message={formLevelError(save.error, FIELDS)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={save.isPending || !title.trim()}>
            {i ? "Save initiative" : "Add initiative"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
