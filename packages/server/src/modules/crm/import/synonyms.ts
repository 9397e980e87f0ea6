// How CRMs spell the values Oars has as enums, squashed (see values.ts) for comparison.
import type { ActivityStatus, ActivityType, BuyingRole, DealForecastCategory, Role } from "@oars/core";

export const ROLES: Record<string, Role> = {
  admin: "admin",
  administrator: "admin",
  manager: "manager",
  teammanager: "manager",
  salesmanager: "manager",
  director: "manager",
  member: "member",
  rep: "member",
  salesrep: "member",
  user: "member",
  standard: "member",
  viewer: "viewer",
  readonly: "viewer",
};

export const BUYING_ROLES: Record<string, BuyingRole> = {
  decisionmaker: "decision_maker",
  economicbuyer: "decision_maker",
  budgetholder: "decision_maker",
  champion: "champion",
  influencer: "influencer",
  user: "user",
  enduser: "user",
  blocker: "blocker",
};

export const FORECAST: Record<string, DealForecastCategory> = {
  pipeline: "pipeline",
  bestcase: "best_case",
  upside: "best_case",
  commit: "commit",
  mostlikely: "commit",
  closed: "closed",
  omitted: "omitted",
  omit: "omitted",
  notforecasted: "omitted",
};

export const BUSINESS: Record<string, "new" | "existing"> = {
  new: "new",
  newbusiness: "new",
  newcustomer: "new",
  existing: "existing",
  existingbusiness: "existing",
  existingcustomer: "existing",
  existingcustomerupgrade: "existing",
  existingcustomerreplacement: "existing",
  existingcustomerdowngrade: "existing",
  renewal: "existing",
  upsell: "existing",
};

export const DEAL_STATUS: Record<string, "open" | "won" | "lost"> = {
  open: "open",
  won: "won",
  closedwon: "won",
  lost: "lost",
  closedlost: "lost",
  deleted: "lost",
};

export const ACTIVITY_TYPES: Record<string, ActivityType> = {
  call: "call",
  phonecall: "call",
  calls: "call",
  email: "email",
  emails: "email",
  mail: "email",
  meeting: "meeting",
  meetings: "meeting",
  event: "meeting",
  lunch: "meeting",
  visit: "meeting",
  demo: "demo",
  demonstration: "demo",
  task: "task",
  tasks: "task",
  todo: "task",
  deadline: "task",
  note: "note",
  notes: "note",
};

export const ACTIVITY_STATUS: Record<string, ActivityStatus> = {
  done: "done",
  completed: "done",
  complete: "done",
  held: "done",
  "1": "done",
  true: "done",
  yes: "done",
  planned: "planned",
  notstarted: "planned",
  todo: "planned",
  scheduled: "planned",
  open: "planned",
  inprogress: "planned",
  waitingonsomeoneelse: "planned",
  deferred: "planned",
  "0": "planned",
  false: "planned",
  no: "planned",
  cancelled: "cancelled",
  canceled: "cancelled",
  noshow: "cancelled",
};
