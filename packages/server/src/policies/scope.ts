// Who sees and changes what (DESIGN.md "Who sees what"), computed once per request from the
// org's team tree. Every permission decision in Oars goes through this folder.
import { ancestorIds, subtreeIds } from "@oars/core";
import type { Actor } from "../http/context";
import type { Q } from "../db/tx";

export interface TeamNode {
  id: string;
  parentId: string | null;
}

export interface Scope {
  actor: Actor;
  teams: TeamNode[];
  /** Teams whose records the actor may change (a manager's subtree; every team for an admin). */
  writableTeams: Set<string>;
  /** Teams whose records the actor may read (their subtree, or their own team for a member). */
  readableTeams: Set<string>;
  /** The actor's team and every team above it: whose plans and goals they see and align under. */
  upwardTeams: Set<string>;
  isAdmin: boolean;
}

export async function loadScope(q: Q, actor: Actor): Promise<Scope> {
  const rows = await q
    .selectFrom("teams")
    .select(["id", "parent_id"])
    .where("org_id", "=", actor.orgId)
    .execute();
  const teams = rows.map((r) => ({ id: r.id, parentId: r.parent_id }));
  return scopeFor(actor, teams);
}

export function scopeFor(actor: Actor, teams: TeamNode[]): Scope {
  const isAdmin = actor.role === "admin";
  const all = new Set(teams.map((t) => t.id));
  const own = actor.teamId ? subtreeIds(teams, actor.teamId) : new Set<string>();
  const writableTeams = isAdmin ? all : actor.role === "manager" ? own : new Set<string>();
  const readableTeams = isAdmin
    ? all
    : actor.role === "member"
      ? new Set(actor.teamId ? [actor.teamId] : [])
      : own;
  const upwardTeams = new Set(actor.teamId ? [actor.teamId, ...ancestorIds(teams, actor.teamId)] : []);
  return { actor, teams, writableTeams, readableTeams, upwardTeams, isAdmin };
}
