// Edit a person's details: name, email, hire date and weekly capacity.
import { useState } from "react";
import type { FormEvent } from "react";
import { PersonUpdate } from "@oars/core";
import type { Person } from "@oars/core";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { useValidation } from "../ui/useValidation";
import { useUpdatePerson } from "./queries";

const FIELDS = ["name", "email", "hireDate", "capacityHoursPerWeek"] as const;

export function EditPersonDialog({ person, onClose }: { person: Person; onClose: () => void }) {
  const update = useUpdatePerson();
  const notify = useToast();
  const [name, setName] = useState(person.name);
  const [email, setEmail] = useState(person.email);
  const [hireDate, setHireDate] = useState(person.hireDate ?? "");
  const [capacity, setCapacity] = useState(String(person.capacityHoursPerWeek));
  const check = useValidation(
    PersonUpdate.safeParse({
      version: person.version,
      name,
      email,
      hireDate: hireDate === "" ? null : hireDate,
      capacityHoursPerWeek: capacity.trim() === "" ? Number.NaN : Number(capacity),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (!input) return;
    update.mutate(
      { id: person.id, ...input },
      {
        onSuccess: (saved) => {
          notify(`Saved ${saved.name}`);
          onClose();
        },
      },
    );
  }

  const errors = { ...apiFieldErrors(update.error, FIELDS), ...check.errors };
  return (
    <Dialog title={`Edit ${person.name}`} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label="Name" error={errors.name}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-autofocus
            />
          )}
        </Field>
        <Field label="Email" error={errors.email}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <div className="field-row">
          <Field label="Hire date" error={errors.hireDate}>
            {(control) => (
              <input
                {...control}
                className="input"
                type="date"
                value={hireDate}
                onChange={(e) => setHireDate(e.target.value)}
              />
            )}
          </Field>
          <Field label="Capacity (hours a week)" error={errors.capacityHoursPerWeek}>
            {(control) => (
              <input
                {...control}
                className="input"
                type="number"
                min={0}
                max={168}
                step={0.5}
                value={capacity}
                onChange={(e) => setCapacity(e.target.value)}
              />
            )}
          </Field>
        </div>
        <FormError message={formLevelError(update.error, FIELDS)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            Save details
          </button>
        </div>
      </form>
    </Dialog>
  );
}
