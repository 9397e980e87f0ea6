// Tactical planning's HTTP surface: tactical plans here; targets, funnel, actions and the personal
// views (my week, calendar feed) in their own route files, all registered from tacticsRoutes.
import {
  IdParams,
  page,
  TacticalPlan,
  TacticalPlanCreate,
  TacticalPlanQuery,
  TacticalPlanUpdate,
} from "@oars/core";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { actionRoutes } from "./actions.routes";
import { funnelRoutes } from "./funnel.routes";
import { meRoutes } from "./me.routes";
import { targetRoutes } from "./targets.routes";
import {
  createTacticalPlan,
  getTacticalPlan,
  listTacticalPlans,
  updateTacticalPlan,
} from "./tactical-plans.service";

export async function tacticsRoutes(app: App): Promise<void> {
  const tags = ["tactical plans"];
  app.get(
    "/api/v1/tactical-plans",
    {
      schema: { tags, querystring: TacticalPlanQuery, response: { 200: page(TacticalPlan) } },
      config: { policy: "read" },
    },
    async (req) => listTacticalPlans(signedIn(req), req.query),
  );
  app.post(
    "/api/v1/tactical-plans",
    {
      schema: { tags, body: TacticalPlanCreate, response: { 201: TacticalPlan } },
      config: { policy: "write" },
    },
    async (req, reply) => reply.status(201).send(await createTacticalPlan(signedIn(req), req.body)),
  );
  app.get(
    "/api/v1/tactical-plans/:id",
    { schema: { tags, params: IdParams, response: { 200: TacticalPlan } }, config: { policy: "read" } },
    async (req) => getTacticalPlan(signedIn(req), req.params.id),
  );
  app.patch(
    "/api/v1/tactical-plans/:id",
    {
      schema: { tags, params: IdParams, body: TacticalPlanUpdate, response: { 200: TacticalPlan } },
      config: { policy: "write" },
    },
    async (req) => updateTacticalPlan(signedIn(req), req.params.id, req.body),
  );
  await targetRoutes(app);
  await funnelRoutes(app);
  await actionRoutes(app);
  await meRoutes(app);
}
