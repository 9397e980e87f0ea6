// Who reads and changes strategic plans (DESIGN.md "Who sees what"). Everyone reads the plans of
// their own team and of every team above it, so a rep sees the department goal they contribute to
// and can align under it; a member writes only their own personal plan; a manager plans for their
// subtree and its people; an admin everything; a viewer reads their scope and writes nothing.
import type { Scope } from "./scope";

export interface PlanOwnerFacts {
  ownerType: "person" | "team";
  ownerId: string;
  /** The owning team, or the owning person's current team; null for a person outside any team. */
  ownerTeamId: string | null;
}

const canWrite = (s: Scope) => s.actor.role !== "viewer" && s.actor.tokenScope !== "read";
const isOwnPlan = (s: Scope, p: PlanOwnerFacts) => p.ownerType === "person" && p.ownerId === s.actor.personId;

/** Teams whose plans the actor reads: their readable scope plus every team above them. */
export function planReadTeams(s: Scope): Set<string> {
  return new Set([...s.readableTeams, ...s.upwardTeams]);
}

export function mayReadPlan(s: Scope, p: PlanOwnerFacts): boolean {
  if (s.isAdmin || isOwnPlan(s, p)) return true;
  return p.ownerTeamId !== null && planReadTeams(s).has(p.ownerTeamId);
}

/** Change a plan and what it holds (objectives, initiatives, answers); also create one for this owner. */
export function mayWritePlan(s: Scope, p: PlanOwnerFacts): boolean {
  if (!canWrite(s)) return false;
  if (s.isAdmin || isOwnPlan(s, p)) return true;
  return s.actor.role === "manager" && p.ownerTeamId !== null && s.writableTeams.has(p.ownerTeamId);
}

/** Comment on a plan or what it holds: anyone who reads it and may write at all. */
export function mayComment(s: Scope, p: PlanOwnerFacts): boolean {
  return canWrite(s) && mayReadPlan(s, p);
}

/** Edit a comment: its author. Delete it: its author or an admin. */
export function mayChangeComment(s: Scope, authorId: string, action: "edit" | "delete"): boolean {
  if (!canWrite(s)) return false;
  return authorId === s.actor.personId || (action === "delete" && s.isAdmin);
}

/** The org's refinement question set and its templates belong to the admins. */
export const mayManagePlanningSetup = (s: Scope) => canWrite(s) && s.isAdmin;
