// Creating or changing an action: owner, dates, status, priority, the objective it serves, what it
// waits for, a recurrence, and the hours and budget it books — warning when it books someone
// beyond their week.
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import type { Action, Objective, Person } from "@oars/core";
import { api } from "../api/client";
import { apiFieldErrors, errorMessage } from "../api/errors";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { WEEKDAYS_SHORT } from "../ui/format";
import { useToast } from "../ui/Toast";
import { actionBody, FIELDS, toForm, type Form } from "./actionForm";
import { ACTION_STATUS_LABELS } from "./labels";

interface ActionDialogProps {
  planId: string;
  action: Action | null;
  others: readonly Action[];
  people: readonly Person[];
  objectives: readonly Objective[];
  onClose: () => void;
  onSaved: (action: Action) => void;
}

export function ActionDialog({
  planId,
  action,
  others,
  people,
  objectives,
  onClose,
  onSaved,
}: ActionDialogProps) {
  const notify = useToast();
  const [f, setF] = useState<Form>(() => toForm(action));
  const set = (patch: Partial<Form>) => setF((prev) => ({ ...prev, ...patch }));
  const save = useMutation({
    mutationFn: () => {
      const body = actionBody(f, action);
      return action
        ? api.patch<Action>(`/api/v1/actions/${action.id}`, { ...body, version: action.version })
        : api.post<Action>(`/api/v1/tactical-plans/${planId}/actions`, body);
    },
    onSuccess: (saved) => {
      for (const w of saved.warnings) notify(w.message, "error");
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
              <Field label="Until" hint="Default: the plan's last day">
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    className="input"
                    value={f.until}
                    onChange={(e) => set({ until: e.target.value })}
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
        <div className="field-row">
          <Field label="Serves objective">
            {(p) => (
              <select
                {...p}
                className="input"
                value={f.objectiveId ?? ""}
                onChange={(e) => set({ objectiveId: e.target.value || null })}
              >
                <option value="">None</option>
                {objectives.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.title}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Owner's hours a week" error={errors.allocations}>
            {(p) => (
              <input
                {...p}
                type="number"
                min={0}
                step={0.5}
                className="input"
                value={f.hours}
                onChange={(e) => set({ hours: e.target.value })}
              />
            )}
          </Field>
          <Field label="Budget">
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                className="input"
                value={f.budget}
                onChange={(e) => set({ budget: e.target.value })}
              />
            )}
          </Field>
        </div>
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
