// Rules for the team tree and the people directory. Everyone in the org reads both; these say
// who may change them.
import type { PersonUpdate, Role } from "@oars/core";
import { forbidden } from "../http/errors";
import type { Scope } from "./scope";

const canWrite = (s: Scope) => s.actor.role !== "viewer" && s.actor.tokenScope !== "read";

/** Create a team under `parentId`: admins anywhere, managers inside their subtree. */
export function mayCreateTeam(s: Scope, parentId: string | null): boolean {
  if (!canWrite(s)) return false;
  if (s.isAdmin) return true;
  return parentId !== null && s.writableTeams.has(parentId);
}

/** Rename, move, archive or set the lead of a team: a manager may not touch their own root team. */
export function mayChangeTeam(s: Scope, teamId: string): boolean {
  if (!canWrite(s)) return false;
  if (s.isAdmin) return true;
  return s.writableTeams.has(teamId) && teamId !== s.actor.teamId;
}

export function mayInvite(s: Scope, teamId: string | null, role: Role): boolean {
  if (!canWrite(s)) return false;
  if (s.isAdmin) return true;
  return s.actor.role === "manager" && teamId !== null && s.writableTeams.has(teamId) && role !== "admin";
}

export interface PersonFacts {
  id: string;
  role: Role;
  teamId: string | null;
}

/** Which fields of a person the actor may change; throws 403 naming the first refused field. */
export function assertMayChangePerson(s: Scope, person: PersonFacts, patch: PersonUpdate): void {
  if (!canWrite(s)) throw forbidden("Your role reads but does not change records");
  if (s.isAdmin) return;
  const self = person.id === s.actor.personId;
  const manages =
    s.actor.role === "manager" &&
    !self &&
    person.role !== "admin" &&
    person.teamId !== null &&
    s.writableTeams.has(person.teamId);
  const fields = Object.keys(patch).filter(
    (k) => k !== "version" && patch[k as keyof PersonUpdate] !== undefined,
  );
  for (const field of fields) {
    const selfService = self && field === "name";
    const managerial =
      manages &&
      (field !== "role" || patch.role !== "admin") &&
      (field !== "teamId" || patch.teamId === null || s.writableTeams.has(patch.teamId ?? ""));
    if (!selfService && !managerial) throw forbidden(`You may not change ${field} of this person`);
  }
}

/** End someone's sessions or issue them a reset link: an admin's act. */
export function mayAdministerAccount(s: Scope): boolean {
  return canWrite(s) && s.isAdmin;
}

export const mayChangeOrgSettings = (s: Scope) => canWrite(s) && s.isAdmin;
export const mayReadAudit = (s: Scope) => s.isAdmin;
