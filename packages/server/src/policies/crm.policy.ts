// Who reads and changes sales records (DESIGN.md "Who sees what"): ownership plus the team tree.
// A member edits what they own and reads what their team owns; a manager reads and edits their
// subtree; an admin everything; a viewer reads their scope. Outside the scope a record is 404.
import type { ImportEntity } from "@oars/core";
import type { Scope } from "./scope";

export interface OwnedFacts {
  ownerId: string;
  teamId: string | null;
}

const canWrite = (s: Scope) => s.actor.role !== "viewer" && s.actor.tokenScope !== "read";

export function mayReadOwned(s: Scope, r: OwnedFacts): boolean {
  return s.isAdmin || r.ownerId === s.actor.personId || (r.teamId !== null && s.readableTeams.has(r.teamId));
}

export function mayWriteOwned(s: Scope, r: OwnedFacts): boolean {
  if (!canWrite(s)) return false;
  if (s.isAdmin || r.ownerId === s.actor.personId) return true;
  return r.teamId !== null && s.writableTeams.has(r.teamId);
}

/** Give a record to `owner` (on create or by reassigning): oneself, a manager's subtree, or anyone
 * for an admin. Reassigning is a manager's or admin's act. */
export function mayAssignTo(s: Scope, owner: { id: string; teamId: string | null }): boolean {
  if (!canWrite(s)) return false;
  if (s.isAdmin || owner.id === s.actor.personId) return true;
  return s.actor.role === "manager" && owner.teamId !== null && s.writableTeams.has(owner.teamId);
}

/** The pipeline, the product catalogue and exchange rates are org settings: admins change them. */
export const mayChangeCatalogue = (s: Scope) => canWrite(s) && s.isAdmin;

/** Imports create records for many owners: admins import anything, managers their subtree's sales
 * data (each row's owner is checked with mayAssignTo), nobody else. */
export function mayImport(s: Scope, entity: ImportEntity): boolean {
  if (!canWrite(s)) return false;
  if (s.isAdmin) return true;
  return s.actor.role === "manager" && !["teams", "people", "products"].includes(entity);
}

/** A list's visibility filter: null reads everything; otherwise these teams' records plus one's own. */
export function listScope(s: Scope): { teams: string[]; ownerId: string } | null {
  if (s.isAdmin) return null;
  return { teams: [...s.readableTeams], ownerId: s.actor.personId };
}
