// How an objective points at a metric: a catalogue key, optional narrowings, and for `manual` the
// objective's own unit.
import { z } from "zod";
import { METRIC_KEYS, METRICS, metricByKey } from "./catalogue";

const Narrowing = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");

export const MetricFilters = z.strictObject({
  segment: Narrowing.optional(),
  product: Narrowing.optional(),
  region: Narrowing.optional(),
  businessType: z.enum(["new", "existing"]).optional().describe("New business or existing accounts"),
  tier: Narrowing.optional(),
});
export type MetricFilters = z.infer<typeof MetricFilters>;

const knownKeys = METRICS.map((m) => m.key).join(", ");

export const MetricRef = z
  .object({
    // An enum rather than a free string so the OpenAPI document lists the keys; the custom error
    // keeps the message naming the field as the refusal of an unknown key must.
    key: z.enum(METRIC_KEYS, {
      error: (issue) => `metric.key must be one of ${knownKeys}; got ${JSON.stringify(issue.input)}`,
    }),
    filters: MetricFilters.optional(),
    unit: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(60, "must be at most 60 characters")
      .optional()
      .describe('Only for the manual metric: what is counted, e.g. "training modules completed"'),
  })
  .superRefine((ref, ctx) => {
    const metric = metricByKey(ref.key);
    if (metric.ownUnit && ref.unit === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["unit"],
        message: "metric.unit is required for a manual metric",
      });
    }
    if (!metric.ownUnit && ref.unit !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["unit"],
        message: `metric.unit is only for the manual metric; ${metric.key} has its own unit (${metric.unit})`,
      });
    }
    for (const [narrowing, value] of Object.entries(ref.filters ?? {})) {
      if (value !== undefined && !(metric.narrowings as readonly string[]).includes(narrowing)) {
        ctx.addIssue({
          code: "custom",
          path: ["filters", narrowing],
          message: `metric.filters.${narrowing} cannot narrow ${metric.key}`,
        });
      }
    }
  });
export type MetricRef = z.infer<typeof MetricRef>;
