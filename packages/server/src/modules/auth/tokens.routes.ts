// Personal API tokens of the signed-in person.
import { ApiToken, ApiTokenCreate, ApiTokenCreated, IdParams } from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { signedIn } from "./auth.routes";
import { createToken, getToken, listTokens, revokeToken } from "./tokens.service";

const tags = ["tokens"];

export async function tokenRoutes(app: App): Promise<void> {
  app.get(
    "/api/v1/tokens",
    {
      schema: { tags, response: { 200: z.object({ items: z.array(ApiToken) }) } },
      config: { policy: "read" },
    },
    async (req) => ({
      items: await listTokens(signedIn(req)),
    }),
  );
  app.post(
    "/api/v1/tokens",
    {
      schema: { tags, body: ApiTokenCreate, response: { 201: ApiTokenCreated } },
      config: { policy: "self" },
    },
    async (req, reply) => reply.status(201).send(await createToken(signedIn(req), req.body)),
  );
  app.get(
    "/api/v1/tokens/:id",
    { schema: { tags, params: IdParams, response: { 200: ApiToken } }, config: { policy: "read" } },
    async (req) => getToken(signedIn(req), req.params.id),
  );
  app.delete(
    "/api/v1/tokens/:id",
    { schema: { tags, params: IdParams }, config: { policy: "self" } },
    async (req, reply) => {
      await revokeToken(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
