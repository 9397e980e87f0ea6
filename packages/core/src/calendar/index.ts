// The org calendar: ISO-date arithmetic in UTC, working days and holidays, fiscal years and
// quarters, the periods a plan is cut into, and how much of each has elapsed by a date.
export {
  addDays,
  addMonths,
  daysBetween,
  isoWeekday,
  isIsoDate,
  todayIn,
  dayNumberOf,
  isoDateOfDayNumber,
} from "./dates";
export { validateOrgCalendar, isWorkingDay, workingDaysBetween, type OrgCalendar } from "./org-calendar";
export { fiscalYearOf, fiscalQuarterOf, fiscalMonthOf, type FiscalYear, type FiscalQuarter } from "./fiscal";
export { periodsBetween, MAX_PERIODS, type Period, type PeriodGrain } from "./periods";
export { expectedShareByDate, type PeriodElapsedShare } from "./expected-share";
export { monthCover, type CoveredMonth, type LeftoverRange } from "./month-cover";
