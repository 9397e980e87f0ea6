// Refinement: the org's question set (the defaults until an admin first edits it) and each plan's
// answers, one per question, versioned like any other record.
import {
  DEFAULT_REFINEMENT_QUESTIONS,
  type OrgQuestion,
  type PlanAnswer,
  type PlanAnswerWrite,
  type QuestionCreate,
  type QuestionUpdate,
  type RefinementItem,
} from "@oars/core";
import { newId } from "../../db/ids";
import type { Q } from "../../db/tx";
import { updateVersioned } from "../../db/versioned";
import type { SignedInCtx } from "../../http/context";
import { conflict, forbidden, invalid, notFound } from "../../http/errors";
import { mayManagePlanningSetup } from "../../policies/plans.policy";
import { loadScope } from "../../policies/scope";
import { recordAudit } from "../audit/audit.record";
import { readPlan, writePlan } from "./plan-access";
import { presentAnswer, presentQuestion } from "./plans.present";
import type { PlanAnswersTable, PlanQuestionsTable } from "./plans.schema";

/** The org's questions in order; the built-in set while the org has not edited its own. */
export async function orgQuestions(q: Q, orgId: string): Promise<OrgQuestion[]> {
  const rows = await q
    .selectFrom("plan_questions")
    .selectAll()
    .where("org_id", "=", orgId)
    .orderBy("position")
    .orderBy("key")
    .execute();
  if (rows.length > 0) return rows.map(presentQuestion);
  return DEFAULT_REFINEMENT_QUESTIONS.map((d) => ({ ...d, archived: false, version: 1 }));
}

/** The first edit of the question set stores the defaults it starts from. */
async function materialize(q: Q, orgId: string): Promise<void> {
  const any = await q
    .selectFrom("plan_questions")
    .select("id")
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (any) return;
  const now = new Date().toISOString();
  await q
    .insertInto("plan_questions")
    .values(
      DEFAULT_REFINEMENT_QUESTIONS.map((d) => ({
        id: newId(),
        org_id: orgId,
        key: d.key,
        text: d.text,
        help: d.help,
        required: d.required ? (1 as const) : (0 as const),
        position: d.position,
        archived_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(["org_id", "key"]).doNothing())
    .execute();
}

async function loadQuestion(q: Q, orgId: string, key: string): Promise<PlanQuestionsTable> {
  const row = await q
    .selectFrom("plan_questions")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("key", "=", key)
    .executeTakeFirst();
  if (!row) throw notFound("Question");
  return row;
}

async function assertAdmin(q: Q, ctx: SignedInCtx): Promise<void> {
  if (!mayManagePlanningSetup(await loadScope(q, ctx.actor)))
    throw forbidden("Only an admin edits the organisation's refinement questions");
}

export async function createQuestion(ctx: SignedInCtx, input: QuestionCreate): Promise<OrgQuestion> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    await assertAdmin(tx, ctx);
    await materialize(tx, orgId);
    const existing = await orgQuestions(tx, orgId);
    if (existing.some((x) => x.key === input.key))
      throw invalid("key", "is already a question of this organisation");
    const now = new Date().toISOString();
    const row: PlanQuestionsTable = {
      id: newId(),
      org_id: orgId,
      key: input.key,
      text: input.text,
      help: input.help,
      required: input.required ? 1 : 0,
      position: input.position ?? Math.max(-1, ...existing.map((x) => x.position)) + 1,
      archived_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto("plan_questions").values(row).execute();
    const question = presentQuestion(row);
    await recordAudit(tx, ctx, orgId, {
      entity: "plan_question",
      entityId: row.id,
      action: "create",
      after: question,
    });
    return question;
  });
}

export async function updateQuestion(
  ctx: SignedInCtx,
  key: string,
  patch: QuestionUpdate,
): Promise<OrgQuestion> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    await assertAdmin(tx, ctx);
    await materialize(tx, orgId);
    const before = await loadQuestion(tx, orgId, key);
    const set: Partial<PlanQuestionsTable> = {};
    if (patch.text !== undefined) set.text = patch.text;
    if (patch.help !== undefined) set.help = patch.help;
    if (patch.required !== undefined) set.required = patch.required ? 1 : 0;
    if (patch.position !== undefined) set.position = patch.position;
    if (patch.archived !== undefined && patch.archived !== (before.archived_at !== null))
      set.archived_at = patch.archived ? new Date().toISOString() : null;
    await updateVersioned(
      tx,
      "plan_questions",
      { id: before.id, orgId, version: patch.version },
      set,
      "Question",
    );
    const after = await loadQuestion(tx, orgId, key);
    await recordAudit(tx, ctx, orgId, {
      entity: "plan_question",
      entityId: after.id,
      action: "update",
      before: presentQuestion(before),
      after: presentQuestion(after),
    });
    return presentQuestion(after);
  });
}

async function answerRows(q: Q, orgId: string, planId: string): Promise<PlanAnswersTable[]> {
  return q
    .selectFrom("plan_answers")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("plan_id", "=", planId)
    .execute();
}

/** The questions still asked, plus retired ones this plan answered (their answers stay on record). */
export async function refinementOf(q: Q, orgId: string, planId: string): Promise<RefinementItem[]> {
  const answers = new Map(
    (await answerRows(q, orgId, planId)).map((a) => [a.question_key, presentAnswer(a)]),
  );
  return (await orgQuestions(q, orgId))
    .filter((x) => !x.archived || answers.has(x.key))
    .map(({ archived: _a, version: _v, ...question }) => ({
      question,
      answer: answers.get(question.key) ?? null,
    }));
}

export async function planRefinement(ctx: SignedInCtx, planId: string): Promise<RefinementItem[]> {
  await readPlan(ctx.db.k, ctx, planId);
  return refinementOf(ctx.db.k, ctx.actor.orgId, planId);
}

export async function answerQuestion(
  ctx: SignedInCtx,
  planId: string,
  key: string,
  input: PlanAnswerWrite,
): Promise<PlanAnswer> {
  return ctx.db.k.transaction().execute(async (tx) => {
    const orgId = ctx.actor.orgId;
    await writePlan(tx, ctx, planId);
    const question = (await orgQuestions(tx, orgId)).find((x) => x.key === key && !x.archived);
    if (!question) throw notFound("Question");
    const before = (await answerRows(tx, orgId, planId)).find((a) => a.question_key === key);
    if (before) {
      // The first answer needs no version; changing one does, so two editors cannot overwrite each other.
      if (input.version === undefined)
        throw conflict("This question was answered meanwhile; reload and try again");
      await updateVersioned(
        tx,
        "plan_answers",
        { id: before.id, orgId, version: input.version },
        { answer: input.answer, answered_by: ctx.actor.personId },
        "Answer",
      );
    } else {
      if (input.version !== undefined)
        throw conflict("This answer was removed meanwhile; reload and try again");
      const now = new Date().toISOString();
      const res = await tx
        .insertInto("plan_answers")
        .values({
          id: newId(),
          org_id: orgId,
          plan_id: planId,
          question_key: key,
          answer: input.answer,
          answered_by: ctx.actor.personId,
          version: 1,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.columns(["plan_id", "question_key"]).doNothing())
        .executeTakeFirst();
      if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1)
        throw conflict("This question was answered meanwhile; reload and try again");
    }
    const after = (await answerRows(tx, orgId, planId)).find((a) => a.question_key === key);
    if (!after) throw notFound("Answer");
    await recordAudit(tx, ctx, orgId, {
      entity: "plan_answer",
      entityId: after.id,
      action: before ? "update" : "create",
      before: before ? presentAnswer(before) : undefined,
      after: presentAnswer(after),
    });
    return presentAnswer(after);
  });
}
