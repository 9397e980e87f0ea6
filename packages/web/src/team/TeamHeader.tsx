// The selected team: where it sits in the tree, who leads it, and what one may do to it.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import type { Team } from "@oars/core";
import type { Abilities } from "../auth/permissions";
import { personQuery } from "../people/queries";
import {
  ArchiveTeamDialog,
  CreateTeamDialog,
  MoveTeamDialog,
  RenameTeamDialog,
  SetLeadDialog,
} from "./TeamDialogs";
import { teamPath } from "./TeamPath";

type Open = "rename" | "create" | "move" | "lead" | "archive" | null;

interface TeamHeaderProps {
  team: Team;
  teams: readonly Team[];
  abilities: Abilities;
  onSelect: (teamId: string) => void;
}

export function TeamHeader({ team, teams, abilities, onSelect }: TeamHeaderProps) {
  const [open, setOpen] = useState<Open>(null);
  const lead = useQuery({ ...personQuery(team.leadId ?? ""), enabled: team.leadId !== null });
  const parents = teamPath(teams, team.id).slice(0, -1);
  const canAdd = abilities.canAddToTeam(team.id);
  const canChange = abilities.canChangeTeam(team.id);
  const close = () => setOpen(null);

  return (
    <div className="team-header">
      {parents.length > 0 ? (
        <nav aria-label="Parent teams" className="crumbs">
          {parents.map((parent) => (
            <span key={parent.id}>
              <Link to="/team" search={{ teamId: parent.id }}>
                {parent.name}
              </Link>
              <span aria-hidden="true"> › </span>
            </span>
          ))}
        </nav>
      ) : null}
      <div className="team-title-row">
        <h2 data-testid="team-name">{team.name}</h2>
        {team.archived ? <span className="tag tag-muted">Archived</span> : null}
      </div>
      <p className="muted small">
        {team.leadId === null ? (
          "No lead"
        ) : lead.data ? (
          <>
            Led by{" "}
            <Link to="/people/$personId" params={{ personId: lead.data.id }}>
              {lead.data.name}
            </Link>
          </>
        ) : (
          "Led by …"
        )}
      </p>
      {canAdd || canChange ? (
        <div className="toolbar" role="group" aria-label={`Manage ${team.name}`}>
          {canAdd && !team.archived ? (
            <button type="button" className="button button-small" onClick={() => setOpen("create")}>
              New sub-team
            </button>
          ) : null}
          {canChange && !team.archived ? (
            <>
              <button type="button" className="button button-small" onClick={() => setOpen("rename")}>
                Rename
              </button>
              <button type="button" className="button button-small" onClick={() => setOpen("lead")}>
                Set lead
              </button>
              <button type="button" className="button button-small" onClick={() => setOpen("move")}>
                Move team
              </button>
            </>
          ) : null}
          {canChange ? (
            <button type="button" className="button button-small" onClick={() => setOpen("archive")}>
              {team.archived ? "Restore" : "Archive"}
            </button>
          ) : null}
        </div>
      ) : null}

      {open === "create" ? (
        <CreateTeamDialog
          teams={teams}
          abilities={abilities}
          parentId={team.id}
          onClose={close}
          onCreated={(created) => {
            close();
            onSelect(created.id);
          }}
        />
      ) : null}
      {open === "rename" ? <RenameTeamDialog team={team} onClose={close} /> : null}
      {open === "move" ? (
        <MoveTeamDialog team={team} teams={teams} abilities={abilities} onClose={close} />
      ) : null}
      {open === "lead" ? <SetLeadDialog team={team} lead={lead.data} onClose={close} /> : null}
      {open === "archive" ? <ArchiveTeamDialog team={team} onClose={close} /> : null}
    </div>
  );
}
