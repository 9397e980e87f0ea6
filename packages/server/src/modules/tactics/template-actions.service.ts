// Pre-filling a tactical plan with its persona template's tactics (the source article's examples
// as actions), on demand after the plan exists.
import { TEMPLATE_ACTION_KEYS, type Action, type TemplateActionsCreate } from "@oars/core";
import type { SignedInCtx } from "../../http/context";
import { invalid } from "../../http/errors";
import { recordAudit } from "../audit/audit.record";
import { assertOwner } from "../plans/plan-owners";
import { listActions } from "./actions.service";
import { insertTemplateActions } from "./plan-content";
import { writeTactical } from "./tactical-access";

export async function addTemplateActions(
  ctx: SignedInCtx,
  tacticalPlanId: string,
  input: TemplateActionsCreate,
): Promise<Action[]> {
  const ids = await ctx.db.k.transaction().execute(async (tx) => {
    const { row, plan } = await writeTactical(tx, ctx, tacticalPlanId);
    const key = input.templateKey ?? plan.row.template_key;
    if (!key || !TEMPLATE_ACTION_KEYS.includes(key))
      throw invalid(
        "templateKey",
        `must be one of ${TEMPLATE_ACTION_KEYS.join(", ")} (the plan has no template of its own)`,
      );
    if (input.ownerId) await assertOwner(tx, ctx.actor.orgId, "person", input.ownerId);
    const created = await insertTemplateActions(tx, row, key, input.ownerId ?? null, ctx.actor.personId);
    await recordAudit(tx, ctx, ctx.actor.orgId, {
      entity: "tactical_plan",
      entityId: row.id,
      action: "template-actions",
      after: { templateKey: key, actions: created.length },
    });
    return new Set(created);
  });
  return (await listActions(ctx, tacticalPlanId, { includeDeleted: false })).filter((a) => ids.has(a.id));
}
