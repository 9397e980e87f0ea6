// The search parameters of the tactical pages, parsed once by the router so links and the back
// button restore the same view. Kept apart from the pages so the router does not load them eagerly.
export const TACTIC_TABS = ["targets", "progress", "funnel", "actions", "timeline"] as const;
export type TacticTab = (typeof TACTIC_TABS)[number];

export interface TacticsSearch {
  planId?: string;
}
export interface TacticalPlanSearch {
  tab?: TacticTab;
  objective?: string;
  parent?: string;
  rows?: "person" | "team" | "segment" | "product" | "businessType";
}
export interface MyWeekSearch {
  date?: string;
  personId?: string;
}

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const isoDate = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export const tacticsSearch = (s: Record<string, unknown>): TacticsSearch => ({ planId: text(s.planId) });
export const tacticalPlanSearch = (s: Record<string, unknown>): TacticalPlanSearch => ({
  tab: TACTIC_TABS.find((t) => t === s.tab),
  objective: text(s.objective),
  parent: text(s.parent),
  rows: (["person", "team", "segment", "product", "businessType"] as const).find((k) => k === s.rows),
});
export const myWeekSearch = (s: Record<string, unknown>): MyWeekSearch => ({
  date: isoDate(s.date),
  personId: text(s.personId),
});
