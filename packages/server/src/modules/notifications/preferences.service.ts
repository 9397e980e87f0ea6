// Each person's notification preferences: which goal alerts (50 / 90 / 100 %, turned at risk) and
// whether the weekly digest, in the app and/or by email. No stored row means the defaults: all on.
import type { NotificationPreferences, NotificationPreferencesUpdate } from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import type { SignedInCtx } from "../../http/context";
import { recordAudit } from "../audit/audit.record";
import type { NotificationPreferencesTable } from "./notifications.schema";
import "./notifications.schema";

export const DEFAULT_PREFERENCES: NotificationPreferences = {
  threshold50: true,
  threshold90: true,
  threshold100: true,
  atRisk: true,
  weeklyDigest: true,
  inApp: true,
  email: true,
  version: 0,
};

const present = (r: NotificationPreferencesTable): NotificationPreferences => ({
  threshold50: r.threshold_50 === 1,
  threshold90: r.threshold_90 === 1,
  threshold100: r.threshold_100 === 1,
  atRisk: r.at_risk === 1,
  weeklyDigest: r.weekly_digest === 1,
  inApp: r.in_app === 1,
  email: r.email === 1,
  version: r.version,
});

export async function preferencesOf(q: Q, orgId: string, personId: string): Promise<NotificationPreferences> {
  const row = await q
    .selectFrom("notification_preferences")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row ? present(row) : DEFAULT_PREFERENCES;
}

/** Everyone's preferences in an org at once, for a run over many people. */
export async function preferencesByPerson(
  q: Q,
  orgId: string,
): Promise<(personId: string) => NotificationPreferences> {
  const rows = await q
    .selectFrom("notification_preferences")
    .selectAll()
    .where("org_id", "=", orgId)
    .execute();
  const map = new Map(rows.map((r) => [r.person_id, present(r)]));
  return (personId) => map.get(personId) ?? DEFAULT_PREFERENCES;
}

/** Which kind of alert a preference switches: a crossed percentage or a turn for the worse. */
export type AlertKind = 50 | 90 | 100 | "at_risk" | "digest";
export function wantsAlert(p: NotificationPreferences, kind: AlertKind): boolean {
  if (kind === 50) return p.threshold50;
  if (kind === 90) return p.threshold90;
  if (kind === 100) return p.threshold100;
  if (kind === "at_risk") return p.atRisk;
  return p.weeklyDigest;
}

export const getMyPreferences = (ctx: SignedInCtx) =>
  preferencesOf(ctx.db.k, ctx.actor.orgId, ctx.actor.personId);

export async function updateMyPreferences(
  ctx: SignedInCtx,
  input: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  const { orgId, personId } = ctx.actor;
  return ctx.db.k.transaction().execute(async (tx) => {
    const before = await preferencesOf(tx, orgId, personId);
    const next = { ...before, ...input, version: before.version + 1 };
    const values = {
      threshold_50: next.threshold50 ? 1 : 0,
      threshold_90: next.threshold90 ? 1 : 0,
      threshold_100: next.threshold100 ? 1 : 0,
      at_risk: next.atRisk ? 1 : 0,
      weekly_digest: next.weeklyDigest ? 1 : 0,
      in_app: next.inApp ? 1 : 0,
      email: next.email ? 1 : 0,
      version: next.version,
      updated_at: new Date().toISOString(),
    };
    if (before.version === 0)
      await tx
        .insertInto("notification_preferences")
        .values({ id: newId(), person_id: personId, org_id: orgId, ...values })
        .execute();
    else
      await tx
        .updateTable("notification_preferences")
        .set(values)
        .where("person_id", "=", personId)
        .where("org_id", "=", orgId)
        .execute();
    await recordAudit(tx, ctx, orgId, {
      entity: "notification_preferences",
      entityId: personId,
      action: "update",
      before,
      after: next,
    });
    return next;
  });
}
