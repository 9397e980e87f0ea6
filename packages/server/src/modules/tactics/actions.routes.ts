// Action plans over HTTP: actions of a tactical plan, their occurrences, the capacity report, the
// timeline and the persona template's pre-filled actions.
import {
  Action,
  ActionCreate,
  ActionQuery,
  ActionsCreated,
  ActionUpdate,
  CapacityReport,
  IdParams,
  Occurrence,
  OccurrenceParams,
  OccurrenceQuery,
  OccurrenceUpdate,
  TemplateActionsCreate,
  Timeline,
} from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { createAction, deleteAction, getAction, listActions, updateAction } from "./actions.service";
import { capacityReport } from "./capacity.service";
import { listOccurrences, setOccurrence } from "./occurrences.service";
import { addTemplateActions } from "./template-actions.service";
import { timeline } from "./timeline.service";

export async function actionRoutes(app: App): Promise<void> {
  const tags = ["actions"];
  app.get(
    "/api/v1/tactical-plans/:id/actions",
    {
      schema: {
        tags,
        params: IdParams,
        querystring: ActionQuery,
        response: { 200: z.object({ items: z.array(Action) }) },
      },
      config: { policy: "read" },
    },
    async (req) => ({ items: await listActions(signedIn(req), req.params.id, req.query) }),
  );
  app.post(
    "/api/v1/tactical-plans/:id/actions",
    {
      schema: { tags, params: IdParams, body: ActionCreate, response: { 201: Action } },
      config: { policy: "write" },
    },
    async (req, reply) => reply.status(201).send(await createAction(signedIn(req), req.params.id, req.body)),
  );
  app.post(
    "/api/v1/tactical-plans/:id/template-actions",
    {
      schema: { tags, params: IdParams, body: TemplateActionsCreate, response: { 201: ActionsCreated } },
      config: { policy: "write" },
    },
    async (req, reply) =>
      reply.status(201).send({ items: await addTemplateActions(signedIn(req), req.params.id, req.body) }),
  );
  app.get(
    "/api/v1/actions/:id",
    { schema: { tags, params: IdParams, response: { 200: Action } }, config: { policy: "read" } },
    async (req) => getAction(signedIn(req), req.params.id),
  );
  app.patch(
    "/api/v1/actions/:id",
    {
      schema: { tags, params: IdParams, body: ActionUpdate, response: { 200: Action } },
      config: { policy: "write" },
    },
    async (req) => updateAction(signedIn(req), req.params.id, req.body),
  );
  app.delete(
    "/api/v1/actions/:id",
    { schema: { tags, params: IdParams }, config: { policy: "write" } },
    async (req, reply) => {
      await deleteAction(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    "/api/v1/actions/:id/occurrences",
    {
      schema: {
        tags,
        params: IdParams,
        querystring: OccurrenceQuery,
        response: { 200: z.object({ items: z.array(Occurrence) }) },
      },
      config: { policy: "read" },
    },
    async (req) => ({ items: await listOccurrences(signedIn(req), req.params.id, req.query) }),
  );
  app.put(
    "/api/v1/actions/:id/occurrences/:date",
    {
      schema: { tags, params: OccurrenceParams, body: OccurrenceUpdate, response: { 200: Occurrence } },
      config: { policy: "write" },
    },
    async (req) => setOccurrence(signedIn(req), req.params.id, req.params.date, req.body.status),
  );
  app.get(
    "/api/v1/tactical-plans/:id/capacity",
    { schema: { tags, params: IdParams, response: { 200: CapacityReport } }, config: { policy: "read" } },
    async (req) => capacityReport(signedIn(req), req.params.id),
  );
  app.get(
    "/api/v1/tactical-plans/:id/timeline",
    { schema: { tags, params: IdParams, response: { 200: Timeline } }, config: { policy: "read" } },
    async (req) => timeline(signedIn(req), req.params.id),
  );
}
