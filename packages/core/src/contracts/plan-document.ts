// The plan document: everything the Markdown export and the printable page show, in one read —
// statement, refinement answers, objectives with targets and alignment, initiatives.
import { z } from "zod";
import { CurrencyCode, Id, Instant } from "./common";
import { Initiative, Objective, RefinementItem, StrategicPlan } from "./plans";

export const PlanDocument = z.object({
  plan: StrategicPlan,
  ownerName: z.string(),
  currency: CurrencyCode,
  refinement: z.array(RefinementItem),
  objectives: z.array(
    z.object({
      objective: Objective,
      ownerName: z.string().nullable(),
      parent: z.object({ id: Id, title: z.string(), planTitle: z.string() }).nullable(),
    }),
  ),
  initiatives: z.array(
    z.object({
      initiative: Initiative,
      ownerName: z.string().nullable(),
      serves: z.array(z.string()).describe("Titles of the objectives it serves"),
    }),
  ),
  generatedAt: Instant,
});
export type PlanDocument = z.infer<typeof PlanDocument>;
