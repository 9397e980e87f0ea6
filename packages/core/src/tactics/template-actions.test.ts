import { describe, expect, it } from "vitest";
import { PLAN_TEMPLATES } from "../plans/personas";
import { occurrencesOf } from "./recurrence";
import { TEMPLATE_ACTION_KEYS, templateActions } from "./template-actions";

const q1 = { periodStart: "2026-01-01", periodEnd: "2026-03-31" };

describe("template actions", () => {
  it("every persona template has its tactics", () => {
    expect(TEMPLATE_ACTION_KEYS.sort()).toEqual(PLAN_TEMPLATES.map((t) => t.key).sort());
    expect(templateActions("blank", q1)).toEqual([]);
  });

  it("the account manager meets each major account every month of the quarter", () => {
    const actions = templateActions("account-manager", {
      ...q1,
      majorAccounts: [
        { id: "acc1", name: "Contoso" },
        { id: "acc2", name: "Fabrikam" },
      ],
    });
    const meetings = actions.filter((a) => a.accountId !== null);
    expect(meetings.map((m) => m.title)).toEqual([
      "Monthly client meeting: Contoso",
      "Monthly client meeting: Fabrikam",
    ]);
    for (const m of meetings) {
      expect(m.recurrence?.frequency).toBe("monthly");
      expect(
        m.recurrence && occurrencesOf(m.recurrence, m.startDate, { from: q1.periodStart, to: q1.periodEnd }),
      ).toHaveLength(3);
    }
  });

  it("the new salesperson checks in with a mentor weekly; dates stay inside the period", () => {
    const actions = templateActions("new-salesperson", q1);
    expect(actions.find((a) => a.title === "Mentor check-in")?.recurrence).toMatchObject({
      frequency: "weekly",
      weekdays: [3],
      until: "2026-03-31",
    });
    for (const a of [...actions, ...templateActions("sales-director", q1)]) {
      expect(a.startDate >= q1.periodStart && a.dueDate <= q1.periodEnd && a.startDate <= a.dueDate).toBe(
        true,
      );
    }
  });
});
