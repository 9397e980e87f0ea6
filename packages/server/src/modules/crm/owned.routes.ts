// The eight routes every owned record has: list, CSV export with the list's filters, create,
// bulk create and update, read, change, delete (soft) and restore. Each handler is parse →
// service → present; record-level rules live in the services through policies/crm.policy.ts.
import { bulkInput, bulkResult, IdParams, page, type Page } from "@oars/core";
import type { z } from "zod";
import type { Q } from "../../db/tx";
import type { FastifyInstance, FastifyRequest, FastifySchema, RouteShorthandOptions } from "fastify";
import type { App } from "../../http/app";
import type { SignedInCtx } from "../../http/context";
import type { Policy } from "../../http/policy";
import type { Scope } from "../../policies/scope";
import { signedIn } from "../auth/auth.routes";
import { runBulk } from "./bulk";
import { csvPages, sendCsv, type ExportColumn, type Refs } from "./csv-export";

export interface OwnedRoutes<
  QS extends z.ZodObject,
  CS extends z.ZodType,
  US extends z.ZodType,
  UB extends z.ZodType<{ id: string }>,
  IS extends z.ZodType,
  DS extends z.ZodType,
> {
  path: string;
  tag: string;
  schemas: { query: QS; create: CS; update: US; updateById: UB; item: IS; detail: DS };
  list(ctx: SignedInCtx, query: z.output<QS>): Promise<Page<z.output<IS>>>;
  get(ctx: SignedInCtx, id: string): Promise<z.output<DS>>;
  create(ctx: SignedInCtx, input: z.output<CS>): Promise<z.output<DS>>;
  update(ctx: SignedInCtx, id: string, patch: z.output<US>): Promise<z.output<DS>>;
  createIn(q: Q, ctx: SignedInCtx, scope: Scope, input: z.output<CS>): Promise<z.output<DS>>;
  updateIn(q: Q, ctx: SignedInCtx, scope: Scope, id: string, patch: z.output<UB>): Promise<z.output<DS>>;
  remove(ctx: SignedInCtx, id: string): Promise<void>;
  restore(ctx: SignedInCtx, id: string): Promise<z.output<IS>>;
  exportColumns: ExportColumn<z.output<IS>>[];
  exportRefs(ctx: SignedInCtx, items: z.output<IS>[]): Promise<Refs>;
}

export function ownedRoutes<
  QS extends z.ZodObject,
  CS extends z.ZodType,
  US extends z.ZodType,
  UB extends z.ZodType<{ id: string }>,
  IS extends z.ZodType,
  DS extends z.ZodType,
>(typed: App, r: OwnedRoutes<QS, CS, US, UB, IS, DS>): void {
  // Zod still validates and serialises every route below (the schemas are the same objects);
  // only the type provider's compile-time inference does not reach through these generics, so
  // inputs are typed by the spec instead.
  const app = typed as unknown as FastifyInstance;
  const { query, create, update, updateById, item, detail } = r.schemas;
  const tags = [r.tag];
  const opts = (schema: FastifySchema & { description?: string }, policy: Policy): RouteShorthandOptions => ({
    schema: { tags, ...schema },
    config: { policy },
  });
  const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;

  app.get(r.path, opts({ querystring: query, response: { 200: page(item) } }, "read"), async (req) =>
    r.list(signedIn(req), req.query as z.output<QS>),
  );
  app.get(
    `${r.path}/export.csv`,
    opts(
      {
        querystring: query.omit({ cursor: true, limit: true }),
        description: "CSV of the list, with its filters",
      },
      "read",
    ),
    async (req, reply) => {
      const ctx = signedIn(req);
      const filters = req.query as z.output<QS>;
      const chunks = csvPages(
        r.exportColumns,
        (cursor) => r.list(ctx, { ...filters, cursor, limit: 500 }),
        (items) => r.exportRefs(ctx, items),
      );
      return sendCsv(reply, `${r.tag}.csv`, chunks);
    },
  );
  app.post(r.path, opts({ body: create, response: { 201: detail } }, "write"), async (req, reply) =>
    reply.status(201).send(await r.create(signedIn(req), req.body as z.output<CS>)),
  );
  app.post(
    `${r.path}/bulk`,
    opts({ body: bulkInput(create, updateById), response: { 200: bulkResult(detail) } }, "write"),
    async (req) => {
      const body = req.body as { create: z.output<CS>[]; update: z.output<UB>[] };
      return runBulk(signedIn(req), body, r.createIn, r.updateIn);
    },
  );
  app.get(`${r.path}/:id`, opts({ params: IdParams, response: { 200: detail } }, "read"), async (req) =>
    r.get(signedIn(req), idOf(req)),
  );
  app.patch(
    `${r.path}/:id`,
    opts({ params: IdParams, body: update, response: { 200: detail } }, "write"),
    async (req) => r.update(signedIn(req), idOf(req), req.body as z.output<US>),
  );
  app.delete(
    `${r.path}/:id`,
    opts({ params: IdParams, description: "Soft delete; POST …/restore undoes it" }, "write"),
    async (req, reply) => {
      await r.remove(signedIn(req), idOf(req));
      return reply.status(204).send();
    },
  );
  app.post(
    `${r.path}/:id/restore`,
    opts({ params: IdParams, response: { 200: item } }, "write"),
    async (req) => r.restore(signedIn(req), idOf(req)),
  );
}
