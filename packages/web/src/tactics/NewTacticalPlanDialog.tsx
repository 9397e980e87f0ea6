// Starting a tactical plan: which strategic plan, which period (a fiscal quarter, a month or any
// range), and whether to start from the last one or from the persona template's tactics.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import type { StrategicPlan, TacticalPlan, TacticalPlanCreate } from "@oars/core";
import { api } from "../api/client";
import { apiFieldErrors, errorMessage } from "../api/errors";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";

interface Props {
  strategicPlans: readonly StrategicPlan[];
  tacticalPlans: readonly TacticalPlan[];
  initialPlanId?: string;
  /** A day in the period to plan; default today. */
  initialStart?: string;
  /** Start from this plan (the last quarter's); default a fresh plan. */
  initialCopyFromId?: string;
  onClose: () => void;
  onCreated: (plan: TacticalPlan) => void;
}

const FIELDS = ["strategicPlanId", "periodStart", "periodEnd", "copyFromId"] as const;

export function NewTacticalPlanDialog({
  strategicPlans,
  tacticalPlans,
  initialPlanId,
  initialStart,
  initialCopyFromId,
  onClose,
  onCreated,
}: Props) {
  const editable = strategicPlans.filter((p) => p.canEdit);
  const [f, setF] = useState({
    strategicPlanId: initialPlanId ?? editable[0]?.id ?? "",
    periodKind: "quarter" as TacticalPlanCreate["periodKind"],
    periodStart: initialStart ?? new Date().toISOString().slice(0, 10),
    periodEnd: "",
    copyFromId: initialCopyFromId ?? "",
    withTemplateActions: true,
  });
  const previous = tacticalPlans.filter((t) => t.strategicPlanId === f.strategicPlanId);
  const chosen = editable.find((p) => p.id === f.strategicPlanId);
  const create = useMutation({
    mutationFn: () =>
      api.post<TacticalPlan>("/api/v1/tactical-plans", {
        strategicPlanId: f.strategicPlanId,
        periodKind: f.periodKind,
        periodStart: f.periodStart,
        periodEnd: f.periodKind === "custom" ? f.periodEnd : undefined,
        copyFromId: f.copyFromId || null,
        withTemplateActions: !f.copyFromId && f.withTemplateActions && Boolean(chosen?.templateKey),
      }),
    onSuccess: onCreated,
  });
  const errors = apiFieldErrors(create.error, FIELDS);
  return (
    <Dialog
      title="New tactical plan"
      description="A strategic plan examined for a quarter, a month or a range of your choosing."
      onClose={onClose}
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Field label="Strategic plan" error={errors.strategicPlanId}>
          {(p) => (
            <select
              {...p}
              className="input"
              data-autofocus
              value={f.strategicPlanId}
              onChange={(e) => setF({ ...f, strategicPlanId: e.target.value, copyFromId: "" })}
            >
              {editable.map((sp) => (
                <option key={sp.id} value={sp.id}>
                  {sp.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field-row">
          <Field label="Period">
            {(p) => (
              <select
                {...p}
                className="input"
                value={f.periodKind}
                onChange={(e) => setF({ ...f, periodKind: e.target.value as typeof f.periodKind })}
              >
                <option value="quarter">The fiscal quarter of</option>
                <option value="month">The month of</option>
                <option value="custom">A range from</option>
              </select>
            )}
          </Field>
          <Field label={f.periodKind === "custom" ? "First day" : "Any day in it"} error={errors.periodStart}>
            {(p) => (
              <input
                {...p}
                type="date"
                className="input"
                value={f.periodStart}
                onChange={(e) => setF({ ...f, periodStart: e.target.value })}
              />
            )}
          </Field>
          {f.periodKind === "custom" ? (
            <Field label="Last day" error={errors.periodEnd}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  className="input"
                  value={f.periodEnd}
                  onChange={(e) => setF({ ...f, periodEnd: e.target.value })}
                />
              )}
            </Field>
          ) : null}
        </div>
        {previous.length > 0 ? (
          <Field
            label="Start from"
            error={errors.copyFromId}
            hint="Its actions move to the new period; its funnel comes along"
          >
            {(p) => (
              <select
                {...p}
                className="input"
                value={f.copyFromId}
                onChange={(e) => setF({ ...f, copyFromId: e.target.value })}
              >
                <option value="">A fresh plan</option>
                {previous.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {chosen?.templateKey && !f.copyFromId ? (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={f.withTemplateActions}
              onChange={(e) => setF({ ...f, withTemplateActions: e.target.checked })}
            />
            Pre-fill the template's tactics as actions
          </label>
        ) : null}
        <FormError
          message={create.isError && Object.keys(errors).length === 0 ? errorMessage(create.error) : null}
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={create.isPending || !f.strategicPlanId}
          >
            Create
          </button>
        </div>
      </form>
    </Dialog>
  );
}
