// Target segmentation over HTTP: the grid editor's setup, previews, splits saved as milestones,
// milestone lists, and bottom-up commitments.
import {
  Commitment,
  CommitmentDecide,
  CommitmentList,
  CommitmentPropose,
  CommitmentQuery,
  IdParams,
  Milestone,
  MilestoneQuery,
  SplitSave,
  SplitSetup,
  SplitSetupQuery,
  TargetGridResult,
  TargetSplit,
  TargetSplitDetail,
} from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { decideCommitment, listCommitments, proposeCommitment } from "./commitments.service";
import {
  deleteSplit,
  getSplit,
  listMilestones,
  listSplits,
  previewSplit,
  saveSplit,
  splitSetup,
} from "./splits.service";

export async function targetRoutes(app: App): Promise<void> {
  const tags = ["targets"];
  app.get(
    "/api/v1/tactical-plans/:id/split-setup",
    {
      schema: { tags, params: IdParams, querystring: SplitSetupQuery, response: { 200: SplitSetup } },
      config: { policy: "read" },
    },
    async (req) => splitSetup(signedIn(req), req.params.id, req.query),
  );
  app.post(
    "/api/v1/tactical-plans/:id/splits/preview",
    {
      schema: { tags, params: IdParams, body: SplitSave, response: { 200: TargetGridResult } },
      config: { policy: "read" },
    },
    async (req) => previewSplit(signedIn(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/tactical-plans/:id/splits",
    {
      schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(TargetSplit) }) } },
      config: { policy: "read" },
    },
    async (req) => ({ items: await listSplits(signedIn(req), req.params.id) }),
  );
  app.put(
    "/api/v1/tactical-plans/:id/splits",
    {
      schema: { tags, params: IdParams, body: SplitSave, response: { 200: TargetSplit } },
      config: { policy: "write" },
    },
    async (req) => saveSplit(signedIn(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/splits/:id",
    { schema: { tags, params: IdParams, response: { 200: TargetSplitDetail } }, config: { policy: "read" } },
    async (req) => getSplit(signedIn(req), req.params.id),
  );
  app.delete(
    "/api/v1/splits/:id",
    {
      schema: { tags, params: IdParams, querystring: z.object({ version: z.coerce.number().int().min(1) }) },
      config: { policy: "write" },
    },
    async (req, reply) => {
      await deleteSplit(signedIn(req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  app.get(
    "/api/v1/milestones",
    {
      schema: {
        tags,
        querystring: MilestoneQuery,
        response: { 200: z.object({ items: z.array(Milestone) }) },
      },
      config: { policy: "read" },
    },
    async (req) => ({ items: await listMilestones(signedIn(req), req.query) }),
  );

  const commitments = ["commitments"];
  app.get(
    "/api/v1/tactical-plans/:id/commitments",
    {
      schema: {
        tags: commitments,
        params: IdParams,
        querystring: CommitmentQuery,
        response: { 200: CommitmentList },
      },
      config: { policy: "read" },
    },
    async (req) => listCommitments(signedIn(req), req.params.id, req.query.objectiveId),
  );
  app.post(
    "/api/v1/tactical-plans/:id/commitments",
    {
      schema: { tags: commitments, params: IdParams, body: CommitmentPropose, response: { 200: Commitment } },
      config: { policy: "write" },
    },
    async (req) => proposeCommitment(signedIn(req), req.params.id, req.body),
  );
  app.patch(
    "/api/v1/commitments/:id",
    {
      schema: { tags: commitments, params: IdParams, body: CommitmentDecide, response: { 200: Commitment } },
      config: { policy: "write" },
    },
    async (req) => decideCommitment(signedIn(req), req.params.id, req.body),
  );
}
