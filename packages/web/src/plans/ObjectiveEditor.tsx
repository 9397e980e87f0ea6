// The objective editor: what is measured (metric picker), from where to where (baseline, target),
// by when, who answers for it, its weight and perspective, and which objective above it aligns.
import { useState } from "react";
import { metricByKey } from "@oars/core";
import type { MetricRef, Objective, StrategicPlan } from "@oars/core";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { useSession } from "../auth/session";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { OBJECTIVE_STATUS_LABELS, PERSPECTIVE_LABELS, toMajor, toMinor, parseOwner } from "./labels";
import { MetricPicker } from "./MetricPicker";
import { OwnerSelect, ParentSelect } from "./pickers";
import { useSaveObjective } from "./queries";

const FIELDS = [
  "title",
  "description",
  "metric",
  "baseline",
  "target",
  "unit",
  "startDate",
  "dueDate",
  "ownerId",
  "weight",
  "perspective",
  "status",
  "parentObjectiveId",
];

interface Props {
  plan: StrategicPlan;
  objective: Objective | null;
  onClose: () => void;
}

const isMoney = (m: MetricRef | null) => m !== null && metricByKey(m.key).unit === "money";

export function ObjectiveEditor({ plan, objective, onClose }: Props) {
  const currency = useSession().org.currency;
  const save = useSaveObjective(plan.id);
  const notify = useToast();
  const o = objective;
  const shown = (v: number | null | undefined, m: MetricRef | null) =>
    v === null || v === undefined ? "" : String(isMoney(m) ? toMajor(v, currency) : v);
  const [title, setTitle] = useState(o?.title ?? "");
  const [description, setDescription] = useState(o?.description ?? "");
  const [metric, setMetric] = useState<MetricRef | null>(o?.metric ?? null);
  const [baseline, setBaseline] = useState(shown(o?.baseline, o?.metric ?? null));
  const [target, setTarget] = useState(shown(o?.target, o?.metric ?? null));
  const [unit, setUnit] = useState(o?.unit ?? "");
  const [startDate, setStartDate] = useState(o?.startDate ?? plan.horizonStart);
  const [dueDate, setDueDate] = useState(o?.dueDate ?? plan.horizonEnd);
  const [owner, setOwner] = useState(
    o ? (o.ownerType && o.ownerId ? `${o.ownerType}:${o.ownerId}` : "") : `${plan.ownerType}:${plan.ownerId}`,
  );
  const [weight, setWeight] = useState(String(o?.weight ?? 25));
  const [perspective, setPerspective] = useState<Objective["perspective"]>(o?.perspective ?? "financial");
  const [status, setStatus] = useState<Objective["status"]>(o?.status ?? "not_started");
  const [parent, setParent] = useState(o?.parentObjectiveId ?? "");
  const errors = apiFieldErrors(save.error, FIELDS);

  function num(text: string, money: boolean): number | null {
    if (text.trim() === "") return null;
    const n = Number(text);
    return money ? toMinor(n, currency) : n;
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const money = isMoney(metric);
    const fields = {
      title,
      description,
      metric,
      baseline: num(baseline, money),
      target: num(target, money),
      unit: money && !unit ? currency : unit,
      startDate,
      dueDate: dueDate || null,
      ...parseOwner(owner),
      weight: Number(weight || 0),
      perspective,
      status,
      parentObjectiveId: parent || null,
    };
    const done = () => {
      notify(o ? "Objective saved" : "Objective added");
      onClose();
    };
    if (o) save.mutate({ id: o.id, patch: { ...fields, version: o.version } }, { onSuccess: done });
    else save.mutate({ create: fields }, { onSuccess: done });
  }

  const money = isMoney(metric);
  const unitHint = metric
    ? money
      ? `In ${currency}`
      : metricByKey(metric.key).unit === "percent"
        ? "In percent"
        : undefined
    : undefined;

  return (
    <Dialog title={o ? "Edit objective" : "New objective"} onClose={onClose} wide testId="objective-editor">
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
        <Field label="Metric" error={undefined}>
          {(c) => <MetricPicker id={c.id} value={metric} onChange={setMetric} error={errors.metric} />}
        </Field>
        <div className="field-row">
          <Field label="Baseline" hint={unitHint} error={errors.baseline}>
            {(c) => (
              <input
                {...c}
                type="number"
                step="any"
                className="input"
                value={baseline}
                onChange={(e) => setBaseline(e.target.value)}
              />
            )}
          </Field>
          <Field label="Target" hint={unitHint} error={errors.target}>
            {(c) => (
              <input
                {...c}
                type="number"
                step="any"
                className="input"
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              />
            )}
          </Field>
          <Field label="Unit shown" hint="e.g. USD, %, meetings" error={errors.unit}>
            {(c) => (
              <input
                {...c}
                className="input"
                value={unit}
                onChange={(e) => setUnit(e.target.value)}
                maxLength={60}
              />
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
          <Field label="Due" error={errors.dueDate}>
            {(c) => (
              <input
                {...c}
                type="date"
                className="input"
                value={dueDate}
                onChange={(e) => setDueDate(e.target.value)}
              />
            )}
          </Field>
          <Field label="Owner" error={errors.ownerId}>
            {(c) => <OwnerSelect control={c} value={owner} onChange={setOwner} plan={plan} />}
          </Field>
        </div>
        <div className="field-row">
          <Field label="Weight (0–100)" error={errors.weight}>
            {(c) => (
              <input
                {...c}
                type="number"
                min={0}
                max={100}
                className="input"
                value={weight}
                onChange={(e) => setWeight(e.target.value)}
              />
            )}
          </Field>
          <Field label="Perspective" error={errors.perspective}>
            {(c) => (
              <select
                {...c}
                className="input"
                value={perspective}
                onChange={(e) => setPerspective(e.target.value as Objective["perspective"])}
              >
                {Object.entries(PERSPECTIVE_LABELS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Status" error={errors.status}>
            {(c) => (
              <select
                {...c}
                className="input"
                value={status}
                onChange={(e) => setStatus(e.target.value as Objective["status"])}
              >
                {Object.entries(OBJECTIVE_STATUS_LABELS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field
          label="Aligned under"
          hint="The objective of a higher plan this one contributes to"
          error={errors.parentObjectiveId}
        >
          {(c) => (
            <ParentSelect
              control={c}
              plan={plan}
              objectiveId={o?.id ?? null}
              value={parent}
              onChange={setParent}
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
        <FormError message={formLevelError(save.error, FIELDS)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={save.isPending || !title.trim()}>
            {o ? "Save objective" : "Add objective"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
