import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlan, compareFindings } from "./check-plan";
import { DEFECTS } from "./test-defects";
import { completePlan } from "./test-plans";
import type { PlanCheckInput } from "./types";

const codesOf = (plan: PlanCheckInput) => [...new Set(checkPlan(plan).map((f) => f.code))];

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("checkPlan properties", () => {
  it("finds nothing in a complete plan", () => {
    fc.assert(
      fc.property(completePlan(fc.boolean()), (plan) => {
        expect(checkPlan(plan)).toEqual([]);
      }),
    );
  });

  it("finds exactly the one defect injected", () => {
    const defect = fc.constantFrom(...DEFECTS);
    fc.assert(
      fc.property(
        completePlan(fc.boolean()),
        completePlan(fc.constant(true)),
        defect,
        fc.nat(),
        (any, tactical, d, k) => {
          const plan = d.needsTactics ? tactical : any;
          expect(codesOf(d.inject(plan, k))).toEqual([d.code]);
        },
      ),
    );
  });

  it("gives the same findings, in order, whatever order the rows come in", () => {
    fc.assert(
      fc.property(
        completePlan(fc.constant(true)),
        fc.subarray(DEFECTS, { minLength: 1 }),
        fc.nat(),
        fc.nat(),
        (plan, defects, pick, seed) => {
          const broken = defects.reduce((p, d) => d.inject(p, pick), plan);
          const findings = checkPlan(broken);
          expect([...findings].sort(compareFindings)).toEqual(findings);
          const tactical = broken.tactical;
          const reordered: PlanCheckInput = {
            ...broken,
            objectives: shuffle(broken.objectives, seed),
            initiatives: shuffle(broken.initiatives, seed + 1),
            questions: shuffle(broken.questions, seed + 2),
            tactical: tactical && {
              ...tactical,
              milestones: shuffle(tactical.milestones, seed + 3),
              actions: shuffle(tactical.actions, seed + 4),
              allocations: shuffle(tactical.allocations, seed + 5),
            },
          };
          expect(checkPlan(reordered)).toEqual(findings);
          expect(checkPlan(broken)).toEqual(findings);
        },
      ),
    );
  });
});
