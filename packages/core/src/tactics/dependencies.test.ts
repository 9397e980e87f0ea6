import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertNoDependencyCycle, findDependencyCycle, scheduleConflicts } from "./dependencies";

describe("action dependencies", () => {
  it("finds a cycle and names it", () => {
    const links = [
      { id: "a", dependsOn: ["b"] },
      { id: "b", dependsOn: ["c"] },
      { id: "c", dependsOn: ["a"] },
      { id: "d", dependsOn: [] },
    ];
    expect(findDependencyCycle(links)).toEqual(["a", "b", "c", "a"]);
    const titles = new Map([
      ["a", "Train"],
      ["b", "Hire"],
      ["c", "Budget"],
    ]);
    expect(() => assertNoDependencyCycle(links, titles)).toThrow(
      /^dependsOn: .*Train → Hire → Budget → Train/,
    );
    expect(findDependencyCycle([{ id: "x", dependsOn: ["x"] }])).toEqual(["x", "x"]);
  });

  it("a chain, a diamond or links to unknown actions are no cycle", () => {
    expect(
      findDependencyCycle([
        { id: "a", dependsOn: ["b", "c"] },
        { id: "b", dependsOn: ["d"] },
        { id: "c", dependsOn: ["d", "elsewhere"] },
        { id: "d", dependsOn: [] },
      ]),
    ).toBeNull();
    const chain = Array.from({ length: 50_000 }, (_, i) => ({
      id: `n${i}`,
      dependsOn: i > 0 ? [`n${i - 1}`] : [],
    }));
    expect(findDependencyCycle(chain)).toBeNull();
  });

  it("links that only point at earlier actions never make a cycle; closing one always does", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: 2, maxLength: 30 }), (deps) => {
        const links = deps.map((ds, i) => ({
          id: `a${i}`,
          dependsOn: i === 0 ? [] : ds.map((d) => `a${d % i}`),
        }));
        expect(findDependencyCycle(links)).toBeNull();
        // a0 ← a1 ← … : making a0 wait for the last action that (transitively) waits for it closes a loop.
        const chained = links.map((l, i) =>
          i === 0 ? l : { ...l, dependsOn: [...l.dependsOn, `a${i - 1}`] },
        );
        const closed = [
          { ...chained[0], id: "a0", dependsOn: [`a${links.length - 1}`] },
          ...chained.slice(1),
        ];
        const cycle = findDependencyCycle(closed);
        expect(cycle).not.toBeNull();
        expect(cycle?.[0]).toBe(cycle?.at(-1));
      }),
    );
  });

  it("warns when an action starts before what it waits for is due", () => {
    const conflicts = scheduleConflicts([
      { id: "a", title: "Pick a CRM", dependsOn: [], startDate: "2026-01-01", dueDate: "2026-01-20" },
      { id: "b", title: "Roll it out", dependsOn: ["a"], startDate: "2026-01-10", dueDate: "2026-02-01" },
      { id: "c", title: "Train on it", dependsOn: ["b"], startDate: "2026-02-02", dueDate: "2026-02-10" },
    ]);
    expect(conflicts).toEqual([
      {
        actionId: "b",
        dependsOnId: "a",
        message: "“Roll it out” starts on 2026-01-10 but waits for “Pick a CRM”, due 2026-01-20.",
      },
    ]);
  });
});
