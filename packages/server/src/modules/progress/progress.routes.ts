// Live progress: an objective's and a plan's progress, the records behind a figure, manual
// check-ins and the role dashboard.
import {
  Checkin,
  CheckinCreate,
  Dashboard,
  DrillActivities,
  DrillDeals,
  IdParams,
  MilestoneProgress,
  ObjectiveProgress,
  PlanProgress,
  TacticalProgress,
} from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { runProgressAlerts } from "./alerts.service";
import { createCheckin, deleteCheckin, listCheckins } from "./checkins.service";
import { dashboard } from "./dashboard.service";
import { drillActivities, drillDeals } from "./drill.service";
import { milestoneProgressById, tacticalPlanProgress } from "./milestone-progress.service";
import { cachedJson, sendJson } from "./progress-cache";
import { objectiveProgressById, planProgress } from "./progress.service";

export async function progressRoutes(app: App): Promise<void> {
  const tags = ["progress"];
  app.get(
    "/api/v1/objectives/:id/progress",
    { schema: { tags, params: IdParams, response: { 200: ObjectiveProgress } }, config: { policy: "read" } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const id = req.params.id;
      return sendJson(
        reply,
        await cachedJson(ctx, "objective", id, ObjectiveProgress, () => objectiveProgressById(ctx, id)),
      );
    },
  );
  app.get(
    "/api/v1/plans/:id/progress",
    { schema: { tags, params: IdParams, response: { 200: PlanProgress } }, config: { policy: "read" } },
    async (req, reply) => {
      const ctx = signedIn(req);
      const id = req.params.id;
      return sendJson(reply, await cachedJson(ctx, "plan", id, PlanProgress, () => planProgress(ctx, id)));
    },
  );
  app.get(
    "/api/v1/objectives/:id/progress/deals",
    { schema: { tags, params: IdParams, response: { 200: DrillDeals } }, config: { policy: "read" } },
    async (req) => drillDeals(signedIn(req), req.params.id),
  );
  app.get(
    "/api/v1/objectives/:id/progress/activities",
    { schema: { tags, params: IdParams, response: { 200: DrillActivities } }, config: { policy: "read" } },
    async (req) => drillActivities(signedIn(req), req.params.id),
  );
  app.get(
    "/api/v1/tactical-plans/:id/progress",
    { schema: { tags, params: IdParams, response: { 200: TacticalProgress } }, config: { policy: "read" } },
    async (req) => tacticalPlanProgress(signedIn(req), req.params.id),
  );
  app.get(
    "/api/v1/milestones/:id/progress",
    { schema: { tags, params: IdParams, response: { 200: MilestoneProgress } }, config: { policy: "read" } },
    async (req) => milestoneProgressById(signedIn(req), req.params.id),
  );
  app.get(
    "/api/v1/milestones/:id/progress/deals",
    { schema: { tags, params: IdParams, response: { 200: DrillDeals } }, config: { policy: "read" } },
    async (req) => drillDeals(signedIn(req), req.params.id, "milestone"),
  );
  app.get(
    "/api/v1/milestones/:id/progress/activities",
    { schema: { tags, params: IdParams, response: { 200: DrillActivities } }, config: { policy: "read" } },
    async (req) => drillActivities(signedIn(req), req.params.id, "milestone"),
  );
  app.get(
    "/api/v1/objectives/:id/checkins",
    {
      schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(Checkin) }) } },
      config: { policy: "read" },
    },
    async (req) => ({ items: await listCheckins(signedIn(req), req.params.id) }),
  );
  app.post(
    "/api/v1/objectives/:id/checkins",
    {
      schema: { tags, params: IdParams, body: CheckinCreate, response: { 201: Checkin } },
      config: { policy: "write" },
    },
    async (req, reply) => reply.status(201).send(await createCheckin(signedIn(req), req.params.id, req.body)),
  );
  app.delete(
    "/api/v1/checkins/:id",
    { schema: { tags, params: IdParams }, config: { policy: "write" } },
    async (req, reply) => {
      await deleteCheckin(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    "/api/v1/dashboard",
    { schema: { tags, response: { 200: Dashboard } }, config: { policy: "read" } },
    async (req, reply) => {
      const ctx = signedIn(req);
      return sendJson(reply, await cachedJson(ctx, "dashboard", "", Dashboard, () => dashboard(ctx)));
    },
  );
  app.post(
    "/api/v1/progress/alerts/run",
    {
      schema: {
        tags,
        response: { 200: z.object({ checked: z.number(), sent: z.number(), emailed: z.number() }) },
      },
      config: { policy: "admin" },
    },
    async (req) => runProgressAlerts(signedIn(req)),
  );
}
