// The plans an actor may see, as one query: their own personal plans, and the team and personal
// plans of every team they read (their scope plus the teams above them). Admins see all.
import type { SignedInCtx } from "../../http/context";
import type { Q } from "../../db/tx";
import { planReadTeams } from "../../policies/plans.policy";
import type { Scope } from "../../policies/scope";
import "./plans.schema";

export function visiblePlans(q: Q, ctx: SignedInCtx, scope: Scope) {
  const teams = [...planReadTeams(scope)];
  const me = ctx.actor.personId;
  const base = q
    .selectFrom("strategic_plans as p")
    .leftJoin("people as o", (j) => j.onRef("o.id", "=", "p.owner_id").on("p.owner_type", "=", "person"))
    .selectAll("p")
    .select("o.team_id as owner_person_team")
    .where("p.org_id", "=", ctx.actor.orgId);
  if (scope.isAdmin) return base;
  return base.where((eb) =>
    eb.or([
      eb.and([eb("p.owner_type", "=", "person"), eb("p.owner_id", "=", me)]),
      // `in ()` is not SQL: an actor outside any team sees only their own plans.
      ...(teams.length === 0
        ? []
        : [
            eb.and([eb("p.owner_type", "=", "team"), eb("p.owner_id", "in", teams)]),
            eb.and([eb("p.owner_type", "=", "person"), eb("o.team_id", "in", teams)]),
          ]),
    ]),
  );
}

/** The owning team of a row of visiblePlans: the team itself, or the owning person's team. */
export function ownerTeamOfRow(row: {
  owner_type: "person" | "team";
  owner_id: string;
  owner_person_team: string | null;
}) {
  return row.owner_type === "team" ? row.owner_id : row.owner_person_team;
}
