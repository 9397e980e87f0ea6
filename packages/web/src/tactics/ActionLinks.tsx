// What an action serves and concerns: an objective, an initiative or a milestone of its plans, and
// an account or a deal of the sales data — each found by typing part of its name.
import { useQuery } from "@tanstack/react-query";
import type { Objective, TacticalPlan } from "@oars/core";
import { RecordPicker } from "../crm/RecordPicker";
import { Field } from "../ui/Field";
import { formatAmount } from "./gridModel";
import { ListPicker, type PickOption } from "./ListPicker";
import { planInitiativesQuery, planMilestonesQuery } from "./queries";
import type { Form } from "./actionForm";

interface Props {
  plan: TacticalPlan;
  f: Form;
  set: (patch: Partial<Form>) => void;
  objectives: readonly Objective[];
  errors: Partial<Record<string, string>>;
}

export function ActionLinks({ plan, f, set, objectives, errors }: Props) {
  const initiatives = useQuery(planInitiativesQuery(plan.strategicPlanId));
  const milestones = useQuery(planMilestonesQuery(plan.id));
  const objectiveOptions: PickOption[] = objectives.map((o) => ({ id: o.id, label: o.title }));
  const titles = new Map(objectives.map((o) => [o.id, o.title]));
  const initiativeOptions: PickOption[] = (initiatives.data ?? []).map((i) => ({ id: i.id, label: i.title }));
  const milestoneOptions: PickOption[] = (milestones.data ?? []).map((m) => ({
    id: m.id,
    label: `${m.ownerName} · ${m.periodKey}`,
    hint: `${titles.get(m.objectiveId) ?? "Objective"} — target ${formatAmount(m.target, false)}`,
  }));
  return (
    <fieldset className="fieldset action-links">
      <legend>Links</legend>
      <div className="field-row">
        <Field label="Serves objective">
          {(p) => (
            <ListPicker
              control={p}
              options={objectiveOptions}
              value={f.objectiveId}
              onChange={(objectiveId) => set({ objectiveId })}
            />
          )}
        </Field>
        <Field label="Initiative" error={errors.initiativeId}>
          {(p) => (
            <ListPicker
              control={p}
              options={initiativeOptions}
              value={f.initiativeId}
              onChange={(initiativeId) => set({ initiativeId })}
            />
          )}
        </Field>
        <Field label="Milestone" error={errors.milestoneId}>
          {(p) => (
            <ListPicker
              control={p}
              options={milestoneOptions}
              value={f.milestoneId}
              onChange={(milestoneId) => set({ milestoneId })}
              placeholder={milestoneOptions.length === 0 ? "Split a target first" : undefined}
            />
          )}
        </Field>
      </div>
      <div className="field-row">
        <Field label="Account" error={errors.accountId}>
          {(p) => (
            <RecordPicker
              entity="accounts"
              control={p}
              value={f.accountId}
              onChange={(accountId) =>
                set({ accountId, dealId: accountId === f.accountId ? f.dealId : null })
              }
            />
          )}
        </Field>
        <Field label="Deal" error={errors.dealId} hint={f.accountId ? "Of the account chosen" : undefined}>
          {(p) => (
            <RecordPicker
              entity="deals"
              control={p}
              value={f.dealId}
              onChange={(dealId) => set({ dealId })}
              filter={f.accountId ? { accountId: f.accountId } : undefined}
            />
          )}
        </Field>
      </div>
    </fieldset>
  );
}
