import { describe, expect, it } from "vitest";
import { commitmentGap } from "./commitments";

describe("bottom-up commitments", () => {
  it("counts accepted and adjusted as agreed and shows the gap to the target", () => {
    const gap = commitmentGap(1000, [
      { ownerId: "ana", amount: 400, status: "accepted" },
      { ownerId: "ben", amount: 250, status: "adjusted" },
      { ownerId: "cho", amount: 300, status: "proposed" },
    ]);
    expect(gap).toEqual({
      target: 1000,
      committed: 950,
      agreed: 650,
      pending: 300,
      gap: 350,
      gapIfAllAgreed: 50,
      pendingOwnerIds: ["cho"],
    });
  });

  it("shows a negative gap when commitments exceed the target", () => {
    expect(commitmentGap(100, [{ ownerId: "ana", amount: 150, status: "accepted" }]).gap).toBe(-50);
    expect(commitmentGap(100, []).gap).toBe(100);
  });

  it("refuses a second commitment from the same owner and bad amounts", () => {
    const twice = [
      { ownerId: "ana", amount: 1, status: "accepted" as const },
      { ownerId: "ana", amount: 2, status: "proposed" as const },
    ];
    expect(() => commitmentGap(100, twice)).toThrow(/^commitments\[1\]\.ownerId: /);
    expect(() => commitmentGap(100, [{ ownerId: "ana", amount: 1.5, status: "accepted" }])).toThrow(
      /^commitments\[0\]\.amount: /,
    );
    expect(() => commitmentGap(-1, [])).toThrow(/^target: /);
  });
});
