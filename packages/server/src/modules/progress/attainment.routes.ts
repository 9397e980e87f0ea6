// Closing periods and exporting their frozen attainment, managers' forecast adjustments, and the
// weekly digest on demand.
import {
  AttainmentExportQuery,
  ForecastAdjustmentCreate,
  ForecastAdjustmentList,
  ForecastAdjustmentRecord,
  IdParams,
  PeriodClose,
  PeriodCloseCreate,
  PeriodCloseList,
  PeriodCloseReopen,
} from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { addAdjustment, listAdjustments } from "./adjustments.service";
import { attainmentCsv } from "./attainment.export";
import {
  closePeriod,
  closesForExport,
  getPeriodClose,
  listPeriodCloses,
  reopenPeriod,
} from "./closes.service";
import { sendWeeklyDigests } from "./digest.service";

export async function attainmentRoutes(app: App): Promise<void> {
  const tags = ["progress"];
  app.post(
    "/api/v1/period-closes",
    {
      schema: { tags, body: PeriodCloseCreate, response: { 201: PeriodClose } },
      config: { policy: "write" },
    },
    async (req, reply) => reply.status(201).send(await closePeriod(signedIn(req), req.body)),
  );
  app.get(
    "/api/v1/period-closes",
    { schema: { tags, response: { 200: PeriodCloseList } }, config: { policy: "read" } },
    async (req) => ({ items: await listPeriodCloses(signedIn(req)) }),
  );
  app.get(
    "/api/v1/period-closes/:id",
    { schema: { tags, params: IdParams, response: { 200: PeriodClose } }, config: { policy: "read" } },
    async (req) => getPeriodClose(signedIn(req), req.params.id),
  );
  app.post(
    "/api/v1/period-closes/:id/reopen",
    {
      schema: { tags, params: IdParams, body: PeriodCloseReopen, response: { 200: PeriodClose } },
      config: { policy: "admin" },
    },
    async (req) => reopenPeriod(signedIn(req), req.params.id, req.body.version),
  );
  app.get(
    "/api/v1/attainment/export",
    {
      schema: {
        tags,
        querystring: AttainmentExportQuery,
        response: { 200: z.string().describe("CSV: owner × period, target, actual, attainment") },
      },
      config: { policy: "read" },
    },
    async (req, reply) => {
      const ctx = signedIn(req);
      const closes = await closesForExport(ctx, req.query.period);
      const csv = await attainmentCsv(ctx.db.k, ctx.actor.orgId, closes);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="attainment.csv"')
        .send(csv);
    },
  );
  app.get(
    "/api/v1/objectives/:id/forecast-adjustments",
    {
      schema: { tags, params: IdParams, response: { 200: ForecastAdjustmentList } },
      config: { policy: "read" },
    },
    async (req) => listAdjustments(signedIn(req), req.params.id),
  );
  app.post(
    "/api/v1/objectives/:id/forecast-adjustments",
    {
      schema: {
        tags,
        params: IdParams,
        body: ForecastAdjustmentCreate,
        response: { 201: ForecastAdjustmentRecord },
      },
      config: { policy: "write" },
    },
    async (req, reply) => reply.status(201).send(await addAdjustment(signedIn(req), req.params.id, req.body)),
  );
  app.post(
    "/api/v1/progress/digest/run",
    {
      schema: {
        tags,
        response: { 200: z.object({ people: z.number(), notified: z.number(), emailed: z.number() }) },
      },
      config: { policy: "admin" },
    },
    async (req) => {
      const ctx = signedIn(req);
      return sendWeeklyDigests(ctx, ctx.actor.orgId);
    },
  );
}
