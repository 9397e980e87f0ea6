// Creating or changing an action: owner, dates, status, priority, what it serves (an objective,
// initiative or milestone) and concerns (an account or deal), what it waits for, a recurrence, and
// the hours, budget and people it books — warning when it books someone beyond their week.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import type { Action, Objective, Person, TacticalPlan } from "@oars/core";
import { api } from "../api/client";
import { apiFieldErrors, errorMessage } from "../api/errors";
import { useSession } from "../auth/session";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { WEEKDAYS_SHORT } from "../ui/format";
import { useToast } from "../ui/Toast";
import { actionBody, FIELDS, toForm, type Form } from "./actionForm";
import { ActionLinks } from "./ActionLinks";
import { ActionResources } from "./ActionResources";
import { ACTION_STATUS_LABELS } from "./labels";

interface ActionDialogProps {
  plan: TacticalPlan;
  action: Action | null;
  others: readonly Action[];
  people: readonly Person[];
  objectives: readonly Objective[];
  onClose: () => void;
  onSaved: (action: Action) => void;
}

export function ActionDialog({
  plan,
  action,
  others,
  people,
  objectives,
  onClose,
  onSaved,
}: ActionDialogProps) {
  const notify = useToast();
  const currency = useSession().org.currency;
  const [f, setF] = useState<Form>(() => toForm(action));
  const set = (patch: Partial<Form>) => setF((prev) => ({ ...prev, ...patch }));
  const save = useMutation({
    mutationFn: () => {
      const body = actionBody(f);
      return action
        ? api.patch<Action>(`/api/v1/actions/${action.id}`, { ...body, version: action.version })
        : api.post<Action>(`/api/v1/tactical-plans/${plan.id}/actions`, body);
    },
    onSuccess: (saved) => {
      for (const w of warningsByPerson(saved.warnings)) notify(w, "error");
      onSaved(saved);
    },
  });
  const errors = apiFieldErrors(save.error, FIELDS);

  return (
    <Dialog title={action ? "Change action" : "New action"} onClose={onClose} wide testId="action-dialog">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label="Title" error={errors.title}>
          {(p) => (
            <input
              {...p}
              className="input"
              data-autofocus
              value={f.title}
              onChange={(e) => set({ title: e.target.value })}
            />
          )}
        </Field>
        <div className="field-row">
          <Field label="Owner" error={errors.ownerId}>
            {(p) => (
              <select
                {...p}
                className="input"
                value={f.ownerId ?? ""}
                onChange={(e) => set({ ownerId: e.target.value || null })}
              >
                <option value="">Nobody yet</option>
                {people
                  .filter((x) => x.active)
                  .map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field label="Status">
            {(p) => (
              <select
                {...p}
                className="input"
                value={f.status}
                onChange={(e) => set({ status: e.target.value as Form["status"] })}
              >
                {Object.entries(ACTION_STATUS_LABELS).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Priority">
            {(p) => (
              <select
                {...p}
                className="input"
                value={f.priority}
                onChange={(e) => set({ priority: e.target.value as Form["priority"] })}
              >
                <option value="high">High</option>
                <option value="medium">Medium</option>
                <option value="low">Low</option>
              </select>
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field label="Starts" error={errors.startDate}>
            {(p) => (
              <input
                {...p}
                type="date"
                className="input"
                value={f.startDate ?? ""}
                onChange={(e) => set({ startDate: e.target.value || null })}
              />
            )}
          </Field>
          <Field label="Due" error={errors.dueDate}>
            {(p) => (
              <input
                {...p}
                type="date"
                className="input"
                value={f.dueDate ?? ""}
                onChange={(e) => set({ dueDate: e.target.value || null })}
              />
            )}
          </Field>
          <Field label="At (a meeting's time)" error={errors.timeOfDay}>
            {(p) => (
              <input
                {...p}
                type="time"
                className="input"
                value={f.timeOfDay ?? ""}
                onChange={(e) =>
                  set({
                    timeOfDay: e.target.value || null,
                    durationMinutes: e.target.value ? (f.durationMinutes ?? 60) : null,
                  })
                }
              />
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field label="Repeats" error={errors.recurrence}>
            {(p) => (
              <select
                {...p}
                className="input"
                value={f.repeats}
                onChange={(e) => set({ repeats: e.target.value as Form["repeats"] })}
              >
                <option value="">Once</option>
                <option value="daily">Daily</option>
                <option value="weekly">Weekly</option>
                <option value="monthly">Monthly</option>
              </select>
            )}
          </Field>
          {f.repeats ? (
            <>
              <Field label="Every">
                {(p) => (
                  <input
                    {...p}
                    type="number"
                    min={1}
                    className="input"
                    value={f.interval}
                    onChange={(e) => set({ interval: Number(e.target.value) || 1 })}
                  />
                )}
              </Field>
              <Field label="Until" hint={f.count ? undefined : "Default: the plan's last day"}>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    className="input"
                    disabled={f.count !== ""}
                    value={f.until}
                    onChange={(e) => set({ until: e.target.value })}
                  />
                )}
              </Field>
              <Field label="Or times">
                {(p) => (
                  <input
                    {...p}
                    type="number"
                    min={1}
                    className="input"
                    placeholder="—"
                    value={f.count}
                    onChange={(e) => set({ count: e.target.value })}
                  />
                )}
              </Field>
            </>
          ) : null}
        </div>
        {f.repeats === "weekly" ? (
          <fieldset className="fieldset weekday-picks">
            <legend>On</legend>
            {WEEKDAYS_SHORT.map((name, i) => (
              <label key={name} className="checkbox">
                <input
                  type="checkbox"
                  checked={f.weekdays.includes(i + 1)}
                  onChange={(e) =>
                    set({
                      weekdays: e.target.checked
                        ? [...f.weekdays, i + 1].sort()
                        : f.weekdays.filter((d) => d !== i + 1),
                    })
                  }
                />
                {name}
              </label>
            ))}
          </fieldset>
        ) : null}
        <ActionLinks plan={plan} f={f} set={set} objectives={objectives} errors={errors} />
        <ActionResources f={f} set={set} people={people} currency={currency} errors={errors} />
        <Field
          label="Waits for"
          error={errors.dependsOn}
          hint="Finish-to-start: it starts when these are done"
        >
          {(p) => (
            <select
              {...p}
              multiple
              className="input input-multi"
              value={f.dependsOn}
              onChange={(e) => set({ dependsOn: [...e.target.selectedOptions].map((o) => o.value) })}
            >
              {others
                .filter((o) => o.id !== action?.id)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.title}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label="Description">
          {(p) => (
            <textarea
              {...p}
              className="input"
              rows={2}
              value={f.description}
              onChange={(e) => set({ description: e.target.value })}
            />
          )}
        </Field>
        <FormError
          message={save.isError && Object.keys(errors).length === 0 ? errorMessage(save.error) : null}
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** One warning per person over capacity (with how many more weeks), not one per week. */
function warningsByPerson(warnings: Action["warnings"]): string[] {
  const groups = new Map<string, Action["warnings"]>();
  for (const w of warnings) {
    const key =
      w.code === "person_over_capacity" ? `${w.code}|${w.personId ?? ""}` : `${groups.size}|${w.message}`;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  return [...groups.values()].flatMap((list) => {
    const first = list[0];
    if (!first) return [];
    const more = list.length - 1;
    return [more > 0 ? `${first.message} And ${more} more ${more === 1 ? "week" : "weeks"}.` : first.message];
  });
}
