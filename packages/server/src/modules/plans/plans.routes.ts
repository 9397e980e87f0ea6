// Strategic plans: list, create (blank or from a template), read, edit and move through their
// statuses; the plan document, checks and baseline comparison; templates.
import {
  BaselineComparison,
  IdParams,
  page,
  PlanChecks,
  PlanCreate,
  PlanDocument,
  PlanQuery,
  PlanTemplate,
  PlanUpdate,
  SaveAsTemplate,
  StrategicPlan,
  TemplateDelete,
  TemplateKeyParams,
} from "@oars/core";
import { z } from "zod";
import type { App } from "../../http/app";
import { signedIn } from "../auth/auth.routes";
import { compareToBaseline } from "./baseline.service";
import { planChecks } from "./checks.service";
import { loadPlanDocument, renderPlanMarkdown } from "./plans.document";
import { createPlan, getPlan, listPlans, updatePlan } from "./plans.service";
import { deleteTemplate, listTemplates, saveAsTemplate } from "./templates.service";

export async function planRoutes(app: App): Promise<void> {
  const tags = ["plans"];
  app.get(
    "/api/v1/plans",
    {
      schema: { tags, querystring: PlanQuery, response: { 200: page(StrategicPlan) } },
      config: { policy: "read" },
    },
    async (req) => listPlans(signedIn(req), req.query),
  );
  app.post(
    "/api/v1/plans",
    { schema: { tags, body: PlanCreate, response: { 201: StrategicPlan } }, config: { policy: "write" } },
    async (req, reply) => reply.status(201).send(await createPlan(signedIn(req), req.body)),
  );
  app.get(
    "/api/v1/plans/:id",
    { schema: { tags, params: IdParams, response: { 200: StrategicPlan } }, config: { policy: "read" } },
    async (req) => getPlan(signedIn(req), req.params.id),
  );
  app.patch(
    "/api/v1/plans/:id",
    {
      schema: { tags, params: IdParams, body: PlanUpdate, response: { 200: StrategicPlan } },
      config: { policy: "write" },
    },
    async (req) => updatePlan(signedIn(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/plans/:id/checks",
    { schema: { tags, params: IdParams, response: { 200: PlanChecks } }, config: { policy: "read" } },
    async (req) => planChecks(signedIn(req), req.params.id),
  );
  app.get(
    "/api/v1/plans/:id/baseline",
    { schema: { tags, params: IdParams, response: { 200: BaselineComparison } }, config: { policy: "read" } },
    async (req) => compareToBaseline(signedIn(req), req.params.id),
  );
  app.get(
    "/api/v1/plans/:id/document",
    { schema: { tags, params: IdParams, response: { 200: PlanDocument } }, config: { policy: "read" } },
    async (req) => loadPlanDocument(signedIn(req), req.params.id),
  );
  app.get(
    "/api/v1/plans/:id/document.md",
    {
      schema: { tags, params: IdParams, response: { 200: z.string().describe("The plan as Markdown") } },
      config: { policy: "read" },
    },
    async (req, reply) => {
      const doc = await loadPlanDocument(signedIn(req), req.params.id);
      const file = `${
        doc.plan.title
          .replace(/[^\w-]+/g, "-")
          .replace(/^-|-$/g, "")
          .slice(0, 80) || "plan"
      }.md`;
      return reply
        .type("text/markdown; charset=utf-8")
        .header("content-disposition", `inline; filename="${file}"`)
        .send(renderPlanMarkdown(doc));
    },
  );

  const templates = ["plan templates"];
  app.get(
    "/api/v1/plan-templates",
    {
      schema: { tags: templates, response: { 200: z.object({ items: z.array(PlanTemplate) }) } },
      config: { policy: "read" },
    },
    async (req) => ({ items: await listTemplates(signedIn(req)) }),
  );
  app.post(
    "/api/v1/plans/:id/save-as-template",
    {
      schema: { tags: templates, params: IdParams, body: SaveAsTemplate, response: { 201: PlanTemplate } },
      config: { policy: "admin" },
    },
    async (req, reply) =>
      reply.status(201).send(await saveAsTemplate(signedIn(req), req.params.id, req.body)),
  );
  app.delete(
    "/api/v1/plan-templates/:key",
    {
      schema: { tags: templates, params: TemplateKeyParams, querystring: TemplateDelete },
      config: { policy: "admin" },
    },
    async (req, reply) => {
      await deleteTemplate(signedIn(req), req.params.key, req.query.version);
      return reply.status(204).send();
    },
  );
}
