// The resources an action books: the owner's hours a week, a budget, and the other people involved
// with the hours a week it takes of each — what the capacity check adds up per person and week.
import type { Person } from "@oars/core";
import { Field } from "../ui/Field";
import type { Form, Helper } from "./actionForm";

interface Props {
  f: Form;
  set: (patch: Partial<Form>) => void;
  people: readonly Person[];
  currency: string;
  errors: Partial<Record<string, string>>;
}

export function ActionResources({ f, set, people, currency, errors }: Props) {
  const active = people.filter((x) => x.active);
  const setHelper = (i: number, patch: Partial<Helper>) =>
    set({ helpers: f.helpers.map((h, k) => (k === i ? { ...h, ...patch } : h)) });
  return (
    <fieldset className="fieldset action-resources">
      <legend>Resources</legend>
      <div className="field-row">
        <Field label="Owner's hours a week" error={errors.allocations}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              max={168}
              step={0.5}
              className="input"
              disabled={!f.ownerId}
              value={f.hours}
              onChange={(e) => set({ hours: e.target.value })}
            />
          )}
        </Field>
        <Field label={`Budget (${currency})`}>
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
      {f.helpers.length > 0 ? (
        <ul className="helper-list" aria-label="People involved">
          {f.helpers.map((h, i) => {
            const name = active.find((x) => x.id === h.personId)?.name ?? `person ${i + 1}`;
            return (
              <li key={i} className="helper-row">
                <select
                  className="input input-small"
                  aria-label={`Person involved ${i + 1}`}
                  value={h.personId}
                  onChange={(e) => setHelper(i, { personId: e.target.value })}
                >
                  <option value="">Choose…</option>
                  {active
                    .filter((x) => x.id !== f.ownerId)
                    .map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.name}
                      </option>
                    ))}
                </select>
                <input
                  type="number"
                  min={0}
                  max={168}
                  step={0.5}
                  className="input input-small helper-hours"
                  aria-label={`Hours a week of ${name}`}
                  value={h.hours}
                  onChange={(e) => setHelper(i, { hours: e.target.value })}
                />
                <span className="muted small">h a week</span>
                <input
                  className="input input-small helper-note"
                  aria-label={`Role of ${name}`}
                  placeholder="Role (optional)"
                  value={h.note}
                  onChange={(e) => setHelper(i, { note: e.target.value })}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove ${name}`}
                  onClick={() => set({ helpers: f.helpers.filter((_, k) => k !== i) })}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <button
        type="button"
        className="button button-small"
        onClick={() => set({ helpers: [...f.helpers, { personId: "", hours: "", note: "" }] })}
      >
        Add a person involved
      </button>
    </fieldset>
  );
}
