// Refinement (the org's questions and each plan's answers) and comments with @mentions.
import {
  Comment,
  CommentCreate,
  CommentQuery,
  CommentUpdate,
  AnswerParams,
  IdParams,
  OrgQuestion,
  page,
  PlanAnswer,
  PlanAnswerWrite,
  QuestionCreate,
  QuestionKeyParams,
  QuestionUpdate,
  RefinementItem,
} from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { createComment, deleteComment, listComments, updateComment } from "./comments.service";
import {
  answerQuestion,
  createQuestion,
  orgQuestions,
  planRefinement,
  updateQuestion,
} from "./refinement.service";

export async function discussionRoutes(app: App): Promise<void> {
  const tags = ["refinement"];
  app.get(
    "/api/v1/plan-questions",
    {
      schema: { tags, response: { 200: z.object({ items: z.array(OrgQuestion) }) } },
      config: { policy: "read" },
    },
    async (req) => ({ items: await orgQuestions(req.ctx.db.k, signedIn(req).actor.orgId) }),
  );
  app.post(
    "/api/v1/plan-questions",
    { schema: { tags, body: QuestionCreate, response: { 201: OrgQuestion } }, config: { policy: "admin" } },
    async (req, reply) => reply.status(201).send(await createQuestion(signedIn(req), req.body)),
  );
  app.patch(
    "/api/v1/plan-questions/:key",
    {
      schema: { tags, params: QuestionKeyParams, body: QuestionUpdate, response: { 200: OrgQuestion } },
      config: { policy: "admin" },
    },
    async (req) => updateQuestion(signedIn(req), req.params.key, req.body),
  );
  app.get(
    "/api/v1/plans/:id/refinement",
    {
      schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(RefinementItem) }) } },
      config: { policy: "read" },
    },
    async (req) => ({ items: await planRefinement(signedIn(req), req.params.id) }),
  );
  app.put(
    "/api/v1/plans/:id/answers/:key",
    {
      schema: {
        tags,
        params: AnswerParams,
        body: PlanAnswerWrite,
        response: { 200: PlanAnswer },
      },
      config: { policy: "write" },
    },
    async (req) => answerQuestion(signedIn(req), req.params.id, req.params.key, req.body),
  );

  const comments = { tags: ["comments"] };
  app.get(
    "/api/v1/comments",
    {
      schema: { ...comments, querystring: CommentQuery, response: { 200: page(Comment) } },
      config: { policy: "read" },
    },
    async (req) => listComments(signedIn(req), req.query),
  );
  app.post(
    "/api/v1/comments",
    { schema: { ...comments, body: CommentCreate, response: { 201: Comment } }, config: { policy: "write" } },
    async (req, reply) => reply.status(201).send(await createComment(signedIn(req), req.body)),
  );
  app.patch(
    "/api/v1/comments/:id",
    {
      schema: { ...comments, params: IdParams, body: CommentUpdate, response: { 200: Comment } },
      config: { policy: "write" },
    },
    async (req) => updateComment(signedIn(req), req.params.id, req.body),
  );
  app.delete(
    "/api/v1/comments/:id",
    { schema: { ...comments, params: IdParams }, config: { policy: "write" } },
    async (req, reply) => {
      await deleteComment(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
