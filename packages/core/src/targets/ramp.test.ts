import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoDateOfDayNumber } from "../calendar/dates";
import { DomainError } from "../errors";
import { RAMP_PRESETS, rampFactor, validateRampCurve } from "./ramp";

describe("ramp curves", () => {
  it("ships presets that are valid ramps", () => {
    for (const curve of Object.values(RAMP_PRESETS)) expect(() => validateRampCurve(curve)).not.toThrow();
    expect(RAMP_PRESETS.standard).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it("gives each whole tenure month its step, and the last step ever after", () => {
    const curve = RAMP_PRESETS.standard;
    expect(rampFactor(curve, "2026-01-01", "2026-01-01", "2026-01-31")).toBe(0);
    expect(rampFactor(curve, "2026-01-01", "2026-02-01", "2026-02-28")).toBe(0.25);
    expect(rampFactor(curve, "2026-01-01", "2026-04-01", "2026-04-30")).toBe(0.75);
    expect(rampFactor(curve, "2026-01-01", "2027-06-01", "2027-06-30")).toBe(1);
  });

  it("weighs tenure months by the days they cover in the period", () => {
    // Hired 16 April: April 1–15 not there (0), 16–30 in month 1 (0); May 1–15 month 1, 16–31 month 2 (25 %).
    expect(rampFactor(RAMP_PRESETS.standard, "2026-04-16", "2026-05-01", "2026-05-31")).toBeCloseTo(
      (16 * 0.25) / 31,
      12,
    );
    // Before the hire date the person is not there: factor 0 even with no ramp.
    expect(rampFactor(RAMP_PRESETS.none, "2026-04-16", "2026-04-01", "2026-04-30")).toBe(15 / 30);
    expect(rampFactor(RAMP_PRESETS.none, undefined, "2026-04-01", "2026-04-30")).toBe(1);
  });

  it("clamps month boundaries of a hire on the 31st", () => {
    // Hired 31 January: month 2 starts 28 February, month 3 on 31 March.
    expect(rampFactor([0, 0.5, 1], "2026-01-31", "2026-02-28", "2026-03-30")).toBe(0.5);
    expect(rampFactor([0, 0.5, 1], "2026-01-31", "2026-03-31", "2026-03-31")).toBe(1);
  });

  it("refuses a ramp above 100 % or decreasing, naming the step", () => {
    expect(() => validateRampCurve([0, 0.5, 1.2])).toThrow(DomainError);
    expect(() => validateRampCurve([0, 0.5, 1.2])).toThrow(/^curve\[2\]: must be between 0 and 1/);
    expect(() => validateRampCurve([0, 0.6, 0.5, 1], "ramp.curves.ana")).toThrow(
      /^ramp\.curves\.ana\[2\]: must not be lower than the step before/,
    );
    expect(() => validateRampCurve([])).toThrow(/^curve: /);
    expect(() => validateRampCurve([Number.NaN])).toThrow(/^curve\[0\]: /);
    expect(() => rampFactor([0, 1], "2026-01-01", "2026-02-01", "2026-01-01")).toThrow(/^periodEnd: /);
  });

  const anyCurve = fc
    .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 })
    .map((steps) => [...steps].sort((a, b) => a - b));

  it("never decreases over time and stays within 0..1", () => {
    fc.assert(
      fc.property(
        anyCurve,
        fc.integer({ min: 20000, max: 21000 }).map(isoDateOfDayNumber),
        fc.integer({ min: 19900, max: 21000 }).map(isoDateOfDayNumber),
        fc.integer({ min: 0, max: 90 }),
        (curve, hireDate, periodStart, length) => {
          let previous = -1;
          for (let shift = 0; shift < 400; shift += 29) {
            const start = addDays(periodStart, shift);
            const factor = rampFactor(curve, hireDate, start, addDays(start, length));
            expect(factor).toBeGreaterThanOrEqual(0);
            expect(factor).toBeLessThanOrEqual(1 + 1e-12);
            expect(factor).toBeGreaterThanOrEqual(previous - 1e-12);
            previous = factor;
          }
        },
      ),
    );
  });
});
