// Live progress: an objective's and a plan's progress, the records behind a figure, manual
// check-ins and the role dashboard.
import {
  Checkin,
  CheckinCreate,
  Dashboard,
  DrillActivities,
  DrillDeals,
  IdParams,
  ObjectiveProgress,
  PlanProgress,
} from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { runProgressAlerts } from "./alerts.service";
import { createCheckin, deleteCheckin, listCheckins } from "./checkins.service";
import { dashboard } from "./dashboard.service";
import { drillActivities, drillDeals } from "./drill.service";
import { objectiveProgressById, planProgress } from "./progress.service";

export async function progressRoutes(app: App): Promise<void> {
  const tags = ["progress"];
  app.get(
    "/api/v1/objectives/:id/progress",
    { schema: { tags, params: IdParams, response: { 200: ObjectiveProgress } }, config: { policy: "read" } },
    async (req) => objectiveProgressById(signedIn(req), req.params.id),
  );
  app.get(
    "/api/v1/plans/:id/progress",
    { schema: { tags, params: IdParams, response: { 200: PlanProgress } }, config: { policy: "read" } },
    async (req) => planProgress(signedIn(req), req.params.id),
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
    async (req) => dashboard(signedIn(req)),
  );
  app.post(
    "/api/v1/progress/alerts/run",
    {
      schema: { tags, response: { 200: z.object({ checked: z.number(), sent: z.number() }) } },
      config: { policy: "admin" },
    },
    async (req) => runProgressAlerts(signedIn(req)),
  );
}
