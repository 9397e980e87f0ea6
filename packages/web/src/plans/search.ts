// The search parameters of the planning pages, parsed once by the router so links and back buttons
// restore the same view. Kept apart from the pages so the router does not load them eagerly.
import type { Objective, PlanStatus } from "@oars/core";

export const PLAN_TABS = [
  "overview",
  "refinement",
  "objectives",
  "initiatives",
  "checks",
  "baseline",
] as const;
export type PlanTab = (typeof PLAN_TABS)[number];

export interface PlansSearch {
  owner?: string;
  status?: PlanStatus;
  year?: number;
}
export interface PlanSearch {
  tab?: PlanTab;
  focus?: string;
}
export interface MapSearch {
  planId?: string;
  owner?: string;
  perspective?: Objective["perspective"];
}

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const oneOf = <T extends string>(v: unknown, options: readonly T[]): T | undefined =>
  options.find((o) => o === v);

export const plansSearch = (s: Record<string, unknown>): PlansSearch => ({
  owner: text(s.owner),
  status: oneOf(s.status, ["draft", "active", "closed", "archived"] as const),
  year: typeof s.year === "number" && Number.isInteger(s.year) ? s.year : undefined,
});

export const planSearch = (s: Record<string, unknown>): PlanSearch => ({
  tab: oneOf(s.tab, PLAN_TABS),
  focus: text(s.focus),
});

export const mapSearch = (s: Record<string, unknown>): MapSearch => ({
  planId: text(s.planId),
  owner: text(s.owner),
  perspective: oneOf(s.perspective, [
    "financial",
    "customer",
    "internal_process",
    "learning_growth",
  ] as const),
});
