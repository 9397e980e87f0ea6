// The org's pipeline stages, product catalogue, exchange rates, and each person's saved views.
import {
  ExchangeRate,
  ExchangeRateQuery,
  ExchangeRatesPut,
  IdParams,
  page,
  Product,
  ProductCreate,
  ProductQuery,
  ProductUpdate,
  SavedView,
  SavedViewCreate,
  SavedViewQuery,
  SavedViewUpdate,
  Stage,
  StageCreate,
  StageOrder,
  StageQuery,
  StageUpdate,
} from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import * as catalogue from "./catalogue.service";
import { createStage, listStages, reorderStages, updateStage } from "./stages.service";
import { createView, deleteView, listViews, updateView } from "./views.service";

const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export async function catalogueRoutes(app: App): Promise<void> {
  const pipeline = { tags: ["pipeline"] };
  app.get(
    "/api/v1/pipeline/stages",
    {
      schema: { ...pipeline, querystring: StageQuery, response: { 200: list(Stage) } },
      config: { policy: "read" },
    },
    async (req) => ({ items: await listStages(signedIn(req), req.query.includeArchived) }),
  );
  app.post(
    "/api/v1/pipeline/stages",
    { schema: { ...pipeline, body: StageCreate, response: { 201: Stage } }, config: { policy: "write" } },
    async (req, reply) => reply.status(201).send(await createStage(signedIn(req), req.body)),
  );
  app.put(
    "/api/v1/pipeline/stages/order",
    {
      schema: { ...pipeline, body: StageOrder, response: { 200: list(Stage) } },
      config: { policy: "write" },
    },
    async (req) => ({ items: await reorderStages(signedIn(req), req.body.ids) }),
  );
  app.patch(
    "/api/v1/pipeline/stages/:id",
    {
      schema: { ...pipeline, params: IdParams, body: StageUpdate, response: { 200: Stage } },
      config: { policy: "write" },
    },
    async (req) => updateStage(signedIn(req), req.params.id, req.body),
  );

  const products = { tags: ["products"] };
  app.get(
    "/api/v1/products",
    {
      schema: { ...products, querystring: ProductQuery, response: { 200: page(Product) } },
      config: { policy: "read" },
    },
    async (req) => catalogue.listProducts(signedIn(req), req.query),
  );
  app.post(
    "/api/v1/products",
    { schema: { ...products, body: ProductCreate, response: { 201: Product } }, config: { policy: "write" } },
    async (req, reply) => reply.status(201).send(await catalogue.createProduct(signedIn(req), req.body)),
  );
  app.get(
    "/api/v1/products/:id",
    { schema: { ...products, params: IdParams, response: { 200: Product } }, config: { policy: "read" } },
    async (req) => catalogue.getProduct(signedIn(req), req.params.id),
  );
  app.patch(
    "/api/v1/products/:id",
    {
      schema: { ...products, params: IdParams, body: ProductUpdate, response: { 200: Product } },
      config: { policy: "write" },
    },
    async (req) => catalogue.updateProduct(signedIn(req), req.params.id, req.body),
  );

  const rates = { tags: ["exchange rates"] };
  app.get(
    "/api/v1/exchange-rates",
    {
      schema: { ...rates, querystring: ExchangeRateQuery, response: { 200: list(ExchangeRate) } },
      config: { policy: "read" },
    },
    async (req) => ({ items: await catalogue.listRates(signedIn(req), req.query.currency) }),
  );
  app.put(
    "/api/v1/exchange-rates",
    {
      schema: {
        ...rates,
        body: ExchangeRatesPut,
        response: { 200: list(ExchangeRate) },
        description:
          "Adds or replaces rates by (currency, date); deals in those currencies are converted again",
      },
      config: { policy: "write" },
    },
    async (req) => ({ items: await catalogue.putRates(signedIn(req), req.body.rates) }),
  );
  app.delete(
    "/api/v1/exchange-rates/:id",
    { schema: { ...rates, params: IdParams }, config: { policy: "write" } },
    async (req, reply) => {
      await catalogue.deleteRate(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );

  // A saved view is one's own, like a token: viewers save views too ("self").
  const views = { tags: ["views"] };
  app.get(
    "/api/v1/views",
    {
      schema: { ...views, querystring: SavedViewQuery, response: { 200: list(SavedView) } },
      config: { policy: "read" },
    },
    async (req) => ({ items: await listViews(signedIn(req), req.query.entity) }),
  );
  app.post(
    "/api/v1/views",
    { schema: { ...views, body: SavedViewCreate, response: { 201: SavedView } }, config: { policy: "self" } },
    async (req, reply) => reply.status(201).send(await createView(signedIn(req), req.body)),
  );
  app.patch(
    "/api/v1/views/:id",
    {
      schema: { ...views, params: IdParams, body: SavedViewUpdate, response: { 200: SavedView } },
      config: { policy: "self" },
    },
    async (req) => updateView(signedIn(req), req.params.id, req.body),
  );
  app.delete(
    "/api/v1/views/:id",
    { schema: { ...views, params: IdParams }, config: { policy: "self" } },
    async (req, reply) => {
      await deleteView(signedIn(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
