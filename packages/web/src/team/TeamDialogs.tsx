// Dialogs that change the team tree: create, rename, move, set the lead, archive or restore.
import { useState } from "react";
import type { FormEvent } from "react";
import { Name, subtreeIds } from "@oars/core";
import type { Person, Team } from "@oars/core";
import { apiFieldErrors, errorMessage, formLevelError } from "../api/errors";
import type { Abilities } from "../auth/permissions";
import { PersonPicker } from "../people/PersonPicker";
import { ConfirmDialog, Dialog } from "../ui/Dialog";
import { Field, FormError } from "../ui/Field";
import { useToast } from "../ui/Toast";
import { useValidation } from "../ui/useValidation";
import { useCreateTeam, useUpdateTeam } from "./queries";
import { teamPathLabel } from "./TeamPath";

const TOP_LEVEL = "";

/** Teams sorted by their path, for selects. */
function byPath(teams: readonly Team[], all: readonly Team[]) {
  return teams
    .map((team) => ({ team, label: teamPathLabel(all, team.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

interface CreateTeamDialogProps {
  teams: readonly Team[];
  abilities: Abilities;
  parentId: string | null;
  onClose: () => void;
  onCreated: (team: Team) => void;
}

export function CreateTeamDialog({ teams, abilities, parentId, onClose, onCreated }: CreateTeamDialogProps) {
  const create = useCreateTeam();
  const notify = useToast();
  const [name, setName] = useState("");
  const [parent, setParent] = useState(parentId ?? TOP_LEVEL);
  const check = useValidation(Name.safeParse(name));
  const parents = byPath(
    teams.filter((t) => !t.archived && abilities.canAddToTeam(t.id)),
    teams,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const valid = check.validate();
    if (valid === null) return;
    create.mutate(
      { name: valid, parentId: parent === TOP_LEVEL ? null : parent, leadId: null },
      {
        onSuccess: (team) => {
          notify(`Team ${team.name} created`);
          onCreated(team);
        },
      },
    );
  }

  const fieldErrors = apiFieldErrors(create.error, ["name", "parentId"]);
  return (
    <Dialog title="New team" onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label="Team name" error={check.errors[""] ?? fieldErrors.name}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={name}
              onChange={(event) => setName(event.target.value)}
              data-autofocus
            />
          )}
        </Field>
        <Field label="Part of" error={fieldErrors.parentId}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={parent}
              onChange={(event) => setParent(event.target.value)}
            >
              {abilities.canCreateTopLevelTeam ? <option value={TOP_LEVEL}>— Top level —</option> : null}
              {parents.map(({ team, label }) => (
                <option key={team.id} value={team.id}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormError message={formLevelError(create.error, ["name", "parentId"])} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            Create team
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function RenameTeamDialog({ team, onClose }: { team: Team; onClose: () => void }) {
  const update = useUpdateTeam();
  const notify = useToast();
  const [name, setName] = useState(team.name);
  const check = useValidation(Name.safeParse(name));

  function submit(event: FormEvent) {
    event.preventDefault();
    const valid = check.validate();
    if (valid === null) return;
    update.mutate(
      { id: team.id, version: team.version, name: valid },
      {
        onSuccess: (saved) => {
          notify(`Renamed to ${saved.name}`);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title={`Rename ${team.name}`} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <Field label="Team name" error={check.errors[""] ?? apiFieldErrors(update.error, ["name"]).name}>
          {(control) => (
            <input
              {...control}
              className="input"
              value={name}
              onChange={(event) => setName(event.target.value)}
              data-autofocus
            />
          )}
        </Field>
        <FormError message={formLevelError(update.error, ["name"])} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            Save name
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface MoveTeamDialogProps {
  team: Team;
  teams: readonly Team[];
  abilities: Abilities;
  onClose: () => void;
}

export function MoveTeamDialog({ team, teams, abilities, onClose }: MoveTeamDialogProps) {
  const update = useUpdateTeam();
  const notify = useToast();
  const [parent, setParent] = useState(team.parentId ?? TOP_LEVEL);
  // A team cannot go under itself or under one of its own sub-teams.
  const own = subtreeIds(teams, team.id);
  const options = byPath(
    teams.filter((t) => !t.archived && !own.has(t.id) && abilities.canAddToTeam(t.id)),
    teams,
  );
  const unchanged = (team.parentId ?? TOP_LEVEL) === parent;

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      { id: team.id, version: team.version, parentId: parent === TOP_LEVEL ? null : parent },
      {
        onSuccess: (saved) => {
          notify(`${saved.name} moved`);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog
      title={`Move ${team.name}`}
      description="The team moves with its sub-teams and people. Their history stays as it was."
      onClose={onClose}
    >
      <form className="stack" onSubmit={submit} noValidate>
        <Field label="New parent team" error={apiFieldErrors(update.error, ["parentId"]).parentId}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={parent}
              onChange={(event) => setParent(event.target.value)}
              data-autofocus
            >
              {abilities.canCreateTopLevelTeam ? <option value={TOP_LEVEL}>— Top level —</option> : null}
              {options.map(({ team: option, label }) => (
                <option key={option.id} value={option.id}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormError message={formLevelError(update.error, ["parentId"])} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={update.isPending || unchanged}>
            Confirm move
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function SetLeadDialog({
  team,
  lead,
  onClose,
}: {
  team: Team;
  lead: Person | undefined;
  onClose: () => void;
}) {
  const update = useUpdateTeam();
  const notify = useToast();

  function save(leadId: string | null, leadName: string | null) {
    update.mutate(
      { id: team.id, version: team.version, leadId },
      {
        onSuccess: () => {
          notify(leadName ? `${leadName} now leads ${team.name}` : `${team.name} has no lead now`);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog
      title={`Lead of ${team.name}`}
      description={lead ? `Currently ${lead.name}.` : "Nobody leads this team yet."}
      onClose={onClose}
    >
      <div className="stack">
        <PersonPicker
          label="Find a person"
          autoFocus
          pickLabel={(person) => `Make ${person.name} the lead`}
          onPick={(person) => save(person.id, person.name)}
        />
        <FormError message={update.error ? errorMessage(update.error) : null} />
        <div className="dialog-actions">
          {team.leadId ? (
            <button
              type="button"
              className="button"
              disabled={update.isPending}
              onClick={() => save(null, null)}
            >
              Remove lead
            </button>
          ) : null}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Dialog>
  );
}

export function ArchiveTeamDialog({ team, onClose }: { team: Team; onClose: () => void }) {
  const update = useUpdateTeam();
  const notify = useToast();
  const archiving = !team.archived;
  return (
    <ConfirmDialog
      title={archiving ? `Archive ${team.name}?` : `Restore ${team.name}?`}
      confirmLabel={archiving ? "Archive team" : "Restore team"}
      danger={archiving}
      pending={update.isPending}
      error={update.error ? errorMessage(update.error) : null}
      onClose={onClose}
      onConfirm={() =>
        update.mutate(
          { id: team.id, version: team.version, archived: archiving },
          {
            onSuccess: (saved) => {
              notify(saved.archived ? `${saved.name} archived` : `${saved.name} restored`);
              onClose();
            },
          },
        )
      }
    >
      {archiving ? (
        <p>
          The team leaves the tree and no one can be added to it. Its history is kept, and you can restore it
          from “Show archived teams”.
        </p>
      ) : (
        <p>The team returns to the tree under its previous parent.</p>
      )}
    </ConfirmDialog>
  );
}
