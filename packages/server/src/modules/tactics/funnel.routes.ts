// The reverse funnel over HTTP: a tactical plan's funnel, the calculator with scenarios, the rates
// learned from history, the org's defaults, and weekly activity targets turned into actions.
import {
  ActionsCreated,
  FunnelCalculate,
  FunnelComparison,
  FunnelDefaults,
  FunnelDefaultsSave,
  FunnelLearned,
  FunnelLearnedQuery,
  FunnelSave,
  FunnelToActions,
  IdParams,
  TacticalFunnel,
} from "@oars/core";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { funnelToActions } from "./funnel-actions.service";
import {
  calculateFunnel,
  getFunnelDefaults,
  learnedRates,
  saveFunnelDefaults,
  saveTacticalFunnel,
  tacticalFunnel,
} from "./funnel.service";

export async function funnelRoutes(app: App): Promise<void> {
  const tags = ["funnel"];
  app.get(
    "/api/v1/tactical-plans/:id/funnel",
    { schema: { tags, params: IdParams, response: { 200: TacticalFunnel } }, config: { policy: "read" } },
    async (req) => tacticalFunnel(signedIn(req), req.params.id),
  );
  app.put(
    "/api/v1/tactical-plans/:id/funnel",
    {
      schema: { tags, params: IdParams, body: FunnelSave, response: { 200: TacticalFunnel } },
      config: { policy: "write" },
    },
    async (req) => saveTacticalFunnel(signedIn(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/tactical-plans/:id/funnel/actions",
    {
      schema: { tags, params: IdParams, body: FunnelToActions, response: { 201: ActionsCreated } },
      config: { policy: "write" },
    },
    async (req, reply) =>
      reply.status(201).send({ items: await funnelToActions(signedIn(req), req.params.id, req.body) }),
  );
  // A calculation changes nothing, so reading is enough: viewers may try scenarios too.
  app.post(
    "/api/v1/funnel/calculate",
    {
      schema: { tags, body: FunnelCalculate, response: { 200: FunnelComparison } },
      config: { policy: "read" },
    },
    async (req) => calculateFunnel(signedIn(req), req.body),
  );
  app.get(
    "/api/v1/funnel/learned",
    {
      schema: { tags, querystring: FunnelLearnedQuery, response: { 200: FunnelLearned } },
      config: { policy: "read" },
    },
    async (req) => learnedRates(signedIn(req), req.query),
  );
  app.get(
    "/api/v1/funnel/defaults",
    { schema: { tags, response: { 200: FunnelDefaults } }, config: { policy: "read" } },
    async (req) => getFunnelDefaults(signedIn(req)),
  );
  app.put(
    "/api/v1/funnel/defaults",
    {
      schema: { tags, body: FunnelDefaultsSave, response: { 200: FunnelDefaults } },
      config: { policy: "admin" },
    },
    async (req) => saveFunnelDefaults(signedIn(req), req.body),
  );
}
