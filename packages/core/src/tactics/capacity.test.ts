import { describe, expect, it } from "vitest";
import { periodsBetween } from "../calendar/periods";
import { overAllocations, weeklyLoad } from "./capacity";

const cal = { fiscalYearStartMonth: 1, weekStartsOn: 1, workingDays: [1, 2, 3, 4, 5], holidays: [] };
const weeks = periodsBetween(cal, "2026-01-05", "2026-01-25", "week");
const mia = { personId: "mia", name: "Mia", capacityHoursPerWeek: 40 };

describe("capacity check", () => {
  it("adds up the allocations active each week and flags the weeks above capacity", () => {
    const allocations = [
      {
        personId: "mia",
        hoursPerWeek: 30,
        startDate: null,
        endDate: null,
        actionId: "a",
        actionTitle: "Prospecting",
      },
      {
        personId: "mia",
        hoursPerWeek: 15,
        startDate: "2026-01-14",
        endDate: "2026-01-16",
        actionId: "b",
        actionTitle: "Trade fair",
      },
    ];
    const load = weeklyLoad(allocations, [mia], weeks);
    expect(load.map((w) => [w.weekStart, w.allocatedHours, w.over])).toEqual([
      ["2026-01-05", 30, false],
      ["2026-01-12", 45, true],
      ["2026-01-19", 30, false],
    ]);
    const over = overAllocations(allocations, [mia], weeks);
    expect(over).toHaveLength(1);
    expect(over[0]?.actions.map((a) => a.title)).toEqual(["Prospecting", "Trade fair"]);
    expect(over[0]?.message).toBe("Mia is allocated 45 hours in the week of 2026-01-12 but has 40.");
  });

  it("does not warn at exactly full capacity, even with fractions", () => {
    const allocations = [0.1, 0.2, 39.7].map((h) => ({
      personId: "mia",
      hoursPerWeek: h,
      startDate: null,
      endDate: null,
    }));
    expect(overAllocations(allocations, [mia], weeks)).toEqual([]);
  });
});
