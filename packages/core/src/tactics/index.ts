// Tactical planning logic without I/O: recurring actions and their dates, finish-to-start
// dependencies, the weekly capacity check, and the persona templates' pre-filled actions.
export {
  occurrencesOf,
  toRrule,
  validateRecurrence,
  MAX_OCCURRENCES,
  type Recurrence,
  type RecurrenceFrequency,
} from "./recurrence";
export {
  findDependencyCycle,
  assertNoDependencyCycle,
  scheduleConflicts,
  type ActionLink,
  type DatedAction,
  type ScheduleConflict,
} from "./dependencies";
export {
  weeklyLoad,
  overAllocations,
  type HoursAllocation,
  type PersonCapacity,
  type WeekLoad,
  type OverAllocation,
} from "./capacity";
export {
  templateActions,
  TEMPLATE_ACTION_KEYS,
  type ActionDraft,
  type TemplateActionContext,
} from "./template-actions";
export { loggedActivityType, weekAround, type LoggedActivityType } from "./activity-kinds";
