// Invite a person: create them, then hand the admin the one-time link that lets them set a password.
import { useState } from "react";
import type { FormEvent } from "react";
import { PersonCreate } from "@oars/core";
import type { Role, Team } from "@oars/core";
import { apiFieldErrors, formLevelError } from "../api/errors";
import type { Abilities } from "../auth/permissions";
import { teamPathLabel } from "../team/TeamPath";
import { CopyField } from "../ui/CopyField";
import { Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { ROLE_LABELS, formatInstant } from "../ui/format";
import { useValidation } from "../ui/useValidation";
import { useInvitePerson } from "./queries";
import type { Invitation } from "./queries";

const FIELDS = ["name", "email", "role", "teamId", "hireDate", "capacityHoursPerWeek"] as const;
const NO_TEAM = "";

interface InviteDialogProps {
  teamId: string | null;
  teams: readonly Team[];
  abilities: Abilities;
  onClose: () => void;
}

export function InviteDialog({ teamId, teams, abilities, onClose }: InviteDialogProps) {
  const invite = useInvitePerson();
  const assignable = abilities.assignableTeamIds(teams);
  const teamOptions = teams
    .filter((t) => assignable.has(t.id))
    .map((t) => ({ id: t.id, label: teamPathLabel(teams, t.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const initialTeam = teamId && assignable.has(teamId) ? teamId : (teamOptions[0]?.id ?? NO_TEAM);

  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [team, setTeam] = useState(abilities.isAdmin && !teamId ? NO_TEAM : initialTeam);
  const [hireDate, setHireDate] = useState("");
  const [capacity, setCapacity] = useState("40");
  const [invited, setInvited] = useState<Invitation | null>(null);
  const check = useValidation(
    PersonCreate.safeParse({
      name,
      email,
      role,
      teamId: team === NO_TEAM ? null : team,
      hireDate: hireDate === "" ? null : hireDate,
      capacityHoursPerWeek: capacity.trim() === "" ? Number.NaN : Number(capacity),
    }),
  );

  function reset() {
    setName("");
    setEmail("");
    setHireDate("");
    check.reset();
    setInvited(null);
    invite.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (input) invite.mutate(input, { onSuccess: setInvited });
  }

  if (invited) {
    return (
      <Dialog title={`${invited.person.name} is invited`} onClose={onClose} testId="invite-result">
        <div className="stack">
          <p>
            {invited.link.emailed
              ? `We emailed ${invited.person.email} a link to set their password. You can also pass it on yourself:`
              : `This server does not send email. Send ${invited.person.name} this link so they can set their password:`}
          </p>
          <CopyField
            label="Set-password link"
            value={invited.link.url}
            copyLabel="Copy link"
            testId="invite-link"
          />
          <p className="muted small">
            It works once and expires {formatInstant(invited.link.expiresAt)}. It is not shown again; you can
            create a new one from “Manage”.
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={reset}>
              Invite another
            </button>
            <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
              Done
            </button>
          </div>
        </div>
      </Dialog>
    );
  }

  const errors = { ...apiFieldErrors(invite.error, FIELDS), ...check.errors };
  return (
    <Dialog
      title="Invite a person"
      description="They get a one-time link to set their password."
      onClose={onClose}
    >
      <form className="stack" onSubmit={submit} noValidate aria-label="Invite a person">
        <Field label="Name" error={errors.name}>
          {(control) => (
            <input
              {...control}
              className="input"
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.target.value)}
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
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <div className="field-row">
          <Field label="Role" error={errors.role}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={role}
                onChange={(event) => setRole(event.target.value as Role)}
              >
                {abilities.assignableRoles.map((option) => (
                  <option key={option} value={option}>
                    {ROLE_LABELS[option]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Team" error={errors.teamId}>
            {(control) => (
              <select
                {...control}
                className="input"
                value={team}
                onChange={(event) => setTeam(event.target.value)}
              >
                {abilities.isAdmin ? <option value={NO_TEAM}>No team</option> : null}
                {teamOptions.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field label="Hire date" error={errors.hireDate} hint="Optional">
            {(control) => (
              <input
                {...control}
                className="input"
                type="date"
                value={hireDate}
                onChange={(event) => setHireDate(event.target.value)}
              />
            )}
          </Field>
          <Field label="Capacity (hours a week)" error={errors.capacityHoursPerWeek}>
            {(control) => (
              <input
                {...control}
                className="input"
                type="number"
                inputMode="decimal"
                min={0}
                max={168}
                step={0.5}
                value={capacity}
                onChange={(event) => setCapacity(event.target.value)}
              />
            )}
          </Field>
        </div>
        <FormError message={formLevelError(invite.error, FIELDS)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={invite.isPending}>
            {invite.isPending ? "Inviting…" : "Send invite"}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
