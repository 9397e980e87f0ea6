// Everything an admin or manager does to one person: role, team (with the date the move takes
// effect), a new set-password link, ending their sessions, deactivating or reactivating them.
import { useState } from "react";
import type { FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { PasswordLink, Person, Role, Team } from "@oars/core";
import { errorMessage } from "../api/errors";
import type { Abilities } from "../auth/permissions";
import { useSession } from "../auth/session";
import { teamPathLabel } from "../team/TeamPath";
import { CopyField } from "../ui/CopyField";
import { Dialog } from "../ui/Dialog";
import { FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { ROLE_LABELS, formatInstant, todayIn } from "../ui/format";
import { personQuery, useEndSessions, usePasswordLink, useUpdatePerson } from "./queries";

const NO_TEAM = "";

interface ManagePersonDialogProps {
  person: Person;
  teams: readonly Team[];
  abilities: Abilities;
  onClose: () => void;
}

export function ManagePersonDialog({ person: initial, teams, abilities, onClose }: ManagePersonDialogProps) {
  const session = useSession();
  // Read the person afresh so every write sends the latest version.
  const { data: person = initial } = useQuery({ ...personQuery(initial.id), initialData: initial });
  const isSelf = person.id === session.person.id;
  return (
    <Dialog
      title={`Manage ${person.name}`}
      description={
        <>
          {person.email} ·{" "}
          <Link to="/people/$personId" params={{ personId: person.id }}>
            Open profile
          </Link>
        </>
      }
      onClose={onClose}
      testId="manage-person"
      wide
    >
      <div className="stack-lg">
        {!isSelf ? <RoleSection person={person} abilities={abilities} /> : null}
        <TeamSection person={person} teams={teams} abilities={abilities} />
        <AccessSection person={person} isSelf={isSelf} canAdminister={abilities.canAdministerAccounts} />
        {isSelf ? (
          <p className="muted small">You can't change your own role or deactivate yourself.</p>
        ) : null}
      </div>
    </Dialog>
  );
}

function RoleSection({ person, abilities }: { person: Person; abilities: Abilities }) {
  const update = useUpdatePerson();
  const notify = useToast();
  const [role, setRole] = useState<Role>(person.role);
  const roles = abilities.assignableRoles.includes(person.role)
    ? abilities.assignableRoles
    : [person.role, ...abilities.assignableRoles];

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      { id: person.id, version: person.version, role },
      { onSuccess: (saved) => notify(`${saved.name} is now ${ROLE_LABELS[saved.role].toLowerCase()}`) },
    );
  }

  return (
    <form className="manage-section" onSubmit={submit}>
      <h3 id="manage-role">Role</h3>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="manage-role-select">Role</label>
          <select
            id="manage-role-select"
            className="input"
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            data-autofocus
          >
            {roles.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={update.isPending || role === person.role}>
          Change role
        </button>
      </div>
      <FormError message={update.error ? errorMessage(update.error) : null} />
    </form>
  );
}

function TeamSection({
  person,
  teams,
  abilities,
}: {
  person: Person;
  teams: readonly Team[];
  abilities: Abilities;
}) {
  const session = useSession();
  const update = useUpdatePerson();
  const notify = useToast();
  const [teamId, setTeamId] = useState(person.teamId ?? NO_TEAM);
  const [effective, setEffective] = useState(() => todayIn(session.org.timeZone));
  const assignable = abilities.assignableTeamIds(teams);
  const options = teams
    .filter((t) => assignable.has(t.id) || t.id === person.teamId)
    .map((t) => ({ id: t.id, label: teamPathLabel(teams, t.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const unchanged = teamId === (person.teamId ?? NO_TEAM);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      {
        id: person.id,
        version: person.version,
        teamId: teamId === NO_TEAM ? null : teamId,
        teamChangeDate: effective || undefined,
      },
      {
        onSuccess: (saved) =>
          notify(
            saved.teamId
              ? `${saved.name} moved to ${teamPathLabel(teams, saved.teamId)}`
              : `${saved.name} has no team now`,
          ),
      },
    );
  }

  return (
    <form className="manage-section" onSubmit={submit}>
      <h3 id="manage-team">Team</h3>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="manage-team-select">Team</label>
          <select
            id="manage-team-select"
            className="input"
            value={teamId}
            onChange={(event) => setTeamId(event.target.value)}
          >
            {abilities.isAdmin || person.teamId === null ? <option value={NO_TEAM}>No team</option> : null}
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="manage-team-date">Effective from</label>
          <input
            id="manage-team-date"
            className="input"
            type="date"
            value={effective}
            onChange={(event) => setEffective(event.target.value)}
          />
        </div>
        <button type="submit" className="button" disabled={update.isPending || unchanged}>
          Move to team
        </button>
      </div>
      <p className="muted small">Results before that date stay credited to the old team.</p>
      <FormError message={update.error ? errorMessage(update.error) : null} />
    </form>
  );
}

interface AccessSectionProps {
  person: Person;
  isSelf: boolean;
  /** Links and sessions are an admin's; a manager may still deactivate and reactivate. */
  canAdminister: boolean;
}

function AccessSection({ person, isSelf, canAdminister }: AccessSectionProps) {
  const update = useUpdatePerson();
  const passwordLink = usePasswordLink();
  const endSessions = useEndSessions();
  const notify = useToast();
  const [link, setLink] = useState<PasswordLink | null>(null);
  const [confirmDeactivate, setConfirmDeactivate] = useState(false);
  const error = update.error ?? passwordLink.error ?? endSessions.error;

  const setActive = (active: boolean) =>
    update.mutate(
      { id: person.id, version: person.version, active },
      {
        onSuccess: (saved) => {
          setConfirmDeactivate(false);
          notify(saved.active ? `${saved.name} reactivated` : `${saved.name} deactivated and signed out`);
        },
      },
    );

  return (
    <section className="manage-section" aria-labelledby="manage-access">
      <h3 id="manage-access">Access</h3>
      <div className="toolbar">
        {canAdminister && person.active ? (
          <button
            type="button"
            className="button button-small"
            disabled={passwordLink.isPending}
            onClick={() => passwordLink.mutate(person.id, { onSuccess: setLink })}
          >
            {person.hasPassword ? "Create reset link" : "Create new invite link"}
          </button>
        ) : null}
        {canAdminister && !isSelf && person.active ? (
          <button
            type="button"
            className="button button-small"
            disabled={endSessions.isPending}
            onClick={() =>
              endSessions.mutate(person.id, {
                onSuccess: () => notify(`Signed ${person.name} out everywhere`),
              })
            }
          >
            End sessions
          </button>
        ) : null}
        {!isSelf && person.active && !confirmDeactivate ? (
          <button
            type="button"
            className="button button-small button-danger-quiet"
            onClick={() => setConfirmDeactivate(true)}
          >
            Deactivate
          </button>
        ) : null}
        {!isSelf && !person.active ? (
          <button
            type="button"
            className="button button-small"
            disabled={update.isPending}
            onClick={() => setActive(true)}
          >
            Reactivate
          </button>
        ) : null}
      </div>
      {confirmDeactivate ? (
        <div className="confirm-inline" role="group" aria-label="Confirm deactivation">
          <p>
            Deactivate {person.name}? They are signed out at once and can't sign in again until reactivated.
            Their history stays.
          </p>
          <div className="toolbar">
            <button type="button" className="button button-small" onClick={() => setConfirmDeactivate(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-small button-danger"
              disabled={update.isPending}
              onClick={() => setActive(false)}
            >
              Deactivate {person.name}
            </button>
          </div>
        </div>
      ) : null}
      {link ? (
        <div className="link-result">
          <CopyField
            label="One-time set-password link"
            value={link.url}
            copyLabel="Copy link"
            testId="password-link"
          />
          <p className="muted small">
            {link.emailed ? `Also emailed to ${person.email}. ` : ""}It works once and expires{" "}
            {formatInstant(link.expiresAt)}.
          </p>
        </div>
      ) : null}
      <FormError message={error ? errorMessage(error) : null} />
    </section>
  );
}
