// A plan's objectives and key initiatives, and the strategy map of every objective one may see.
import {
  IdParams,
  Initiative,
  InitiativeCreate,
  InitiativeUpdate,
  Objective,
  ObjectiveCreate,
  ObjectiveUpdate,
  StrategyMap,
  StrategyMapQuery,
} from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import {
  createInitiative,
  deleteInitiative,
  getInitiative,
  listInitiatives,
  updateInitiative,
} from "./initiatives.service";
import {
  createObjective,
  deleteObjective,
  getObjective,
  listObjectives,
  updateObjective,
} from "./objectives.service";
import { strategyMap } from "./strategy-map.service";

export async function objectiveRoutes(app: App): Promise<void> {
  const tags = ["objectives"];
  app.get(
    "/api/v1/plans/:id/objectives",
    {
      schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(Objective) }) } },
      config: { policy: "read" },
    },
    async (req) => ({ items: await listObjectives(signedIn(req), req.params.id) }),
  );
  app.post(
    "/api/v1/plans/:id/objectives",
    {
      schema: { tags, params: IdParams, body: ObjectiveCreate, response: { 201: Objective } },
      config: { policy: "write" },
    },
    async (req, reply) =>
      reply.status(201).send(await createObjective(signedIn(req), req.params.id, req.body)),
  );
  app.get(
    "/api/v1/objectives/:id",
    { schema: { tags, params: IdParams, response: { 200: Objective } }, config: { policy: "read" } },
    async (req) => getObjective(signedIn(req), req.params.id),
  );
  app.patch(
    "/api/v1/objectives/:id",
    {
      schema: { tags, params: IdParams, body: ObjectiveUpdate, response: { 200: Objective } },
      config: { policy: "write" },
    },
    async (req) => updateObjective(signedIn(req), req.params.id, req.body),
  );
  app.delete(
    "/api/v1/objectives/:id",
    { schema: { tags, params: IdParams }, config: { policy: "write" } },
    async (req, reply) => {
      await deleteObjective(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    "/api/v1/strategy-map",
    {
      schema: { tags, querystring: StrategyMapQuery, response: { 200: StrategyMap } },
      config: { policy: "read" },
    },
    async (req) => strategyMap(signedIn(req), req.query),
  );

  const initiatives = { tags: ["initiatives"] };
  app.get(
    "/api/v1/plans/:id/initiatives",
    {
      schema: {
        ...initiatives,
        params: IdParams,
        response: { 200: z.object({ items: z.array(Initiative) }) },
      },
      config: { policy: "read" },
    },
    async (req) => ({ items: await listInitiatives(signedIn(req), req.params.id) }),
  );
  app.post(
    "/api/v1/plans/:id/initiatives",
    {
      schema: { ...initiatives, params: IdParams, body: InitiativeCreate, response: { 201: Initiative } },
      config: { policy: "write" },
    },
    async (req, reply) =>
      reply.status(201).send(await createInitiative(signedIn(req), req.params.id, req.body)),
  );
  app.get(
    "/api/v1/initiatives/:id",
    {
      schema: { ...initiatives, params: IdParams, response: { 200: Initiative } },
      config: { policy: "read" },
    },
    async (req) => getInitiative(signedIn(req), req.params.id),
  );
  app.patch(
    "/api/v1/initiatives/:id",
    {
      schema: { ...initiatives, params: IdParams, body: InitiativeUpdate, response: { 200: Initiative } },
      config: { policy: "write" },
    },
    async (req) => updateInitiative(signedIn(req), req.params.id, req.body),
  );
  app.delete(
    "/api/v1/initiatives/:id",
    { schema: { ...initiatives, params: IdParams }, config: { policy: "write" } },
    async (req, reply) => {
      await deleteInitiative(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
