// Owners of plans, objectives and initiatives: an active person or a live team of the org.
import { subtreeIds } from "@oars/core";
import type { Q } from "../../db/tx";
import { invalid } from "../../http/errors";

export async function assertOwner(
  q: Q,
  orgId: string,
  ownerType: "person" | "team" | null,
  ownerId: string | null,
  field = "ownerId",
): Promise<void> {
  if (ownerType === null || ownerId === null) return;
  if (ownerType === "person") {
    const person = await q
      .selectFrom("people")
      .select("id")
      .where("org_id", "=", orgId)
      .where("id", "=", ownerId)
      .where("active", "=", 1)
      .executeTakeFirst();
    if (!person) throw invalid(field, "must be an active person of this organisation");
    return;
  }
  const team = await q
    .selectFrom("teams")
    .select("id")
    .where("org_id", "=", orgId)
    .where("id", "=", ownerId)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (!team) throw invalid(field, "must be a team of this organisation that is not archived");
}

/** Sellers a team plan counts on: the active members of the team and every team below it. */
export async function headcountOf(
  q: Q,
  orgId: string,
  ownerType: "person" | "team",
  ownerId: string,
): Promise<number> {
  if (ownerType === "person") return 1;
  const teams = await q.selectFrom("teams").select(["id", "parent_id"]).where("org_id", "=", orgId).execute();
  const subtree = [
    ...subtreeIds(
      teams.map((t) => ({ id: t.id, parentId: t.parent_id })),
      ownerId,
    ),
  ];
  if (subtree.length === 0) return 1;
  const row = await q
    .selectFrom("people")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("org_id", "=", orgId)
    .where("active", "=", 1)
    .where("role", "=", "member")
    .where("team_id", "in", subtree)
    .executeTakeFirst();
  return Math.max(1, Number(row?.n ?? 0));
}
