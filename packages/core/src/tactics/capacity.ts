// The capacity check: hours a week allocated to each person by the actions they work on, against
// the hours they have. A week is over-allocated when the allocations active in it add up to more.
import type { Period } from "../calendar/periods";

export interface HoursAllocation {
  personId: string;
  hoursPerWeek: number;
  /** Inclusive; null = from the start of the range looked at. */
  startDate: string | null;
  /** Inclusive; null = to its end. */
  endDate: string | null;
  /** What the hours are for, named in warnings. */
  actionId?: string;
  actionTitle?: string;
}

export interface PersonCapacity {
  personId: string;
  name: string;
  capacityHoursPerWeek: number;
}

export interface WeekLoad {
  personId: string;
  weekKey: string;
  weekStart: string;
  allocatedHours: number;
  capacityHours: number;
  over: boolean;
}

export interface OverAllocation {
  personId: string;
  name: string;
  weekKey: string;
  weekStart: string;
  allocatedHours: number;
  capacityHours: number;
  /** The actions booking the hours that week, largest first. */
  actions: { actionId: string; title: string; hoursPerWeek: number }[];
  message: string;
}

// Allocations are entered in hours a week; comparing with a tolerance keeps 0.1 + 0.2 from warning.
const EPSILON = 1e-9;

const overlaps = (a: HoursAllocation, week: Period) =>
  (a.startDate === null || a.startDate <= week.end) && (a.endDate === null || a.endDate >= week.start);

/** Load per person per week, for everyone with a capacity and every week given. */
export function weeklyLoad(
  allocations: readonly HoursAllocation[],
  people: readonly PersonCapacity[],
  weeks: readonly Period[],
): WeekLoad[] {
  const byPerson = groupByPerson(allocations);
  const out: WeekLoad[] = [];
  for (const person of people) {
    const own = byPerson.get(person.personId) ?? [];
    for (const week of weeks) {
      const allocatedHours = own.filter((a) => overlaps(a, week)).reduce((s, a) => s + a.hoursPerWeek, 0);
      out.push({
        personId: person.personId,
        weekKey: week.key,
        weekStart: week.start,
        allocatedHours,
        capacityHours: person.capacityHoursPerWeek,
        over: allocatedHours > person.capacityHoursPerWeek + EPSILON,
      });
    }
  }
  return out;
}

/** Each person's over-allocated weeks, with the actions behind them — what the API warns about. */
export function overAllocations(
  allocations: readonly HoursAllocation[],
  people: readonly PersonCapacity[],
  weeks: readonly Period[],
): OverAllocation[] {
  const byPerson = groupByPerson(allocations);
  const names = new Map(people.map((p) => [p.personId, p.name]));
  const hours = (h: number) => h.toLocaleString("en", { maximumFractionDigits: 1 });
  return weeklyLoad(allocations, people, weeks)
    .filter((w) => w.over)
    .map((w) => {
      const week = weeks.find((p) => p.key === w.weekKey);
      const actions = (byPerson.get(w.personId) ?? [])
        .filter((a) => week !== undefined && overlaps(a, week))
        .map((a) => ({
          actionId: a.actionId ?? "",
          title: a.actionTitle ?? "",
          hoursPerWeek: a.hoursPerWeek,
        }))
        .sort((a, b) => b.hoursPerWeek - a.hoursPerWeek);
      const name = names.get(w.personId) ?? w.personId;
      return {
        personId: w.personId,
        name,
        weekKey: w.weekKey,
        weekStart: w.weekStart,
        allocatedHours: w.allocatedHours,
        capacityHours: w.capacityHours,
        actions,
        message: `${name} is allocated ${hours(w.allocatedHours)} hours in the week of ${w.weekStart} but has ${hours(w.capacityHours)}.`,
      };
    });
}

function groupByPerson(allocations: readonly HoursAllocation[]): Map<string, HoursAllocation[]> {
  const byPerson = new Map<string, HoursAllocation[]>();
  for (const a of allocations) {
    const list = byPerson.get(a.personId) ?? [];
    list.push(a);
    byPerson.set(a.personId, list);
  }
  return byPerson;
}
