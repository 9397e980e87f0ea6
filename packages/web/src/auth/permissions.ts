// What the signed-in person may change, so the app only offers controls that will work. The server
// decides for real (packages/server/src/policies/org.policy.ts); this mirrors its rules: an admin
// changes anything; a manager their team's subtree, but not their own root team, themselves or an
// admin; members and viewers change no one else.
import { useMemo } from "react";
import { subtreeIds } from "@oars/core";
import type { Person, Role, Session, Team } from "@oars/core";

export interface Abilities {
  isAdmin: boolean;
  /** Create a team at the top of the tree. */
  canCreateTopLevelTeam: boolean;
  /** Create a sub-team under this team, or invite people into it. */
  canAddToTeam: (teamId: string | null) => boolean;
  /** Rename, move, archive or set the lead of this team. */
  canChangeTeam: (teamId: string) => boolean;
  /** Change this person's role, team, details or active flag. */
  canManagePerson: (person: Person) => boolean;
  /** Issue set-password links and end sessions: an admin's act. */
  canAdministerAccounts: boolean;
  /** Teams a person may be put in by the signed-in person. */
  assignableTeamIds: (teams: readonly Team[]) => Set<string>;
  assignableRoles: Role[];
}

export function abilitiesFor(session: Session, teams: readonly Team[]): Abilities {
  const me = session.person;
  if (me.role === "admin") {
    return {
      isAdmin: true,
      canCreateTopLevelTeam: true,
      canAddToTeam: () => true,
      canChangeTeam: () => true,
      canManagePerson: () => true,
      canAdministerAccounts: true,
      assignableTeamIds: (all) => new Set(all.filter((t) => !t.archived).map((t) => t.id)),
      assignableRoles: ["admin", "manager", "member", "viewer"],
    };
  }
  const scope = me.role === "manager" && me.teamId ? subtreeIds(teams, me.teamId) : new Set<string>();
  const inScope = (teamId: string | null) => teamId !== null && scope.has(teamId);
  return {
    isAdmin: false,
    canCreateTopLevelTeam: false,
    canAddToTeam: inScope,
    canChangeTeam: (teamId) => inScope(teamId) && teamId !== me.teamId,
    canManagePerson: (person) => person.id !== me.id && person.role !== "admin" && inScope(person.teamId),
    canAdministerAccounts: false,
    assignableTeamIds: (all) => new Set(all.filter((t) => !t.archived && scope.has(t.id)).map((t) => t.id)),
    assignableRoles: me.role === "manager" ? ["manager", "member", "viewer"] : [],
  };
}

export function useAbilities(session: Session, teams: readonly Team[] | undefined): Abilities {
  return useMemo(() => abilitiesFor(session, teams ?? []), [session, teams]);
}
