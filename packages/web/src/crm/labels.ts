// How the sales vocabulary reads on screen: activity types, statuses, buying roles, forecast
// categories. The keys come from the contracts, so a new value fails the type check here.
import type {
  ActivityStatus,
  ActivityType,
  BuyingRole,
  DealForecastCategory,
  DealStatus,
  ViewEntity,
} from "@oars/core";

export const ACTIVITY_TYPE_LABELS: Record<ActivityType, string> = {
  call: "Call",
  email: "Email",
  meeting: "Meeting",
  demo: "Demo",
  task: "Task",
  note: "Note",
};

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  done: "Done",
  planned: "Planned",
  cancelled: "Cancelled",
};

export const BUYING_ROLE_LABELS: Record<BuyingRole, string> = {
  decision_maker: "Decision maker",
  champion: "Champion",
  influencer: "Influencer",
  user: "User",
  blocker: "Blocker",
};

export const FORECAST_LABELS: Record<DealForecastCategory, string> = {
  pipeline: "Pipeline",
  best_case: "Best case",
  commit: "Commit",
  closed: "Closed",
  omitted: "Omitted",
};

export const DEAL_STATUS_LABELS: Record<DealStatus, string> = {
  open: "Open",
  won: "Won",
  lost: "Lost",
};

export const BUSINESS_TYPE_LABELS = { new: "New business", existing: "Existing customer" } as const;

export const ENTITY_LABELS: Record<ViewEntity, { one: string; many: string }> = {
  accounts: { one: "account", many: "accounts" },
  contacts: { one: "contact", many: "contacts" },
  deals: { one: "deal", many: "deals" },
  activities: { one: "activity", many: "activities" },
};

/** Outcomes people pick most; the field stays free text. */
export const COMMON_OUTCOMES = [
  "Connected",
  "Left voicemail",
  "No answer",
  "Meeting booked",
  "Follow-up needed",
  "Not interested",
];

export const COMMON_LOST_REASONS = ["Price", "Lost to competitor", "No budget", "Timing", "No decision"];

/** "relationshipStrength 4" → "●●●●○". */
export function strengthDots(strength: number | null): string {
  if (strength === null) return "—";
  return "●".repeat(strength) + "○".repeat(Math.max(0, 5 - strength));
}
