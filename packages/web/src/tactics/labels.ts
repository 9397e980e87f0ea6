// How tactical states read on screen.
import type { ActionStatus, TacticalPlanStatus } from "@oars/core";

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  todo: "To do",
  doing: "Doing",
  done: "Done",
  blocked: "Blocked",
  cancelled: "Cancelled",
};

export const TACTICAL_STATUS_LABELS: Record<TacticalPlanStatus, string> = {
  draft: "Draft",
  active: "Active",
  closed: "Closed",
  archived: "Archived",
};
