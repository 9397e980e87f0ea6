// What-if scenarios on the reverse funnel ("what if win rate drops to 20 %?"): each variant is the
// base plan with a few changes, run side by side without touching the plan.
import { DomainError } from "../errors";
import {
  reverseFunnel,
  type FunnelStepKind,
  type ReverseFunnelInput,
  type ReverseFunnelResult,
} from "./reverse-funnel";

export interface FunnelScenario {
  name: string;
  /** Fields replacing the base plan's. */
  changes?: Partial<ReverseFunnelInput>;
  /** Conversion rates replaced by stage name, after `changes`. */
  conversionByStage?: Readonly<Record<string, number>>;
}

export interface FunnelStepDelta {
  name: string;
  kind: FunnelStepKind;
  /** null when the step exists on one side only (a variant with other stages). */
  base: number | null;
  variant: number | null;
  /** variant − base, missing sides counting 0. */
  delta: number;
  perPersonPerWeekDelta: number;
}

export interface ScenarioComparison {
  base: ReverseFunnelResult;
  variants: { name: string; result: ReverseFunnelResult; deltas: FunnelStepDelta[] }[];
}

export function compareScenarios(
  base: ReverseFunnelInput,
  variants: readonly FunnelScenario[],
): ScenarioComparison {
  const baseResult = reverseFunnel(base);
  return {
    base: baseResult,
    variants: variants.map((scenario, i) => {
      const result = withFieldPrefix(`variants[${i}]`, () => reverseFunnel(applyScenario(base, scenario)));
      return { name: scenario.name, result, deltas: stepDeltas(baseResult, result) };
    }),
  };
}

function applyScenario(base: ReverseFunnelInput, scenario: FunnelScenario): ReverseFunnelInput {
  const input = { ...base, ...scenario.changes };
  const rates = Object.entries(scenario.conversionByStage ?? {});
  if (rates.length === 0) return input;
  const names = new Set(input.stages.map((s) => s.name));
  for (const [name] of rates)
    if (!names.has(name)) throw new DomainError(`conversionByStage.${name}`, "is not a stage of the funnel");
  const byName = new Map(rates);
  return {
    ...input,
    stages: input.stages.map((s) => ({ ...s, conversionToNext: byName.get(s.name) ?? s.conversionToNext })),
  };
}

/** Errors inside a variant name the variant: "variants[1].stages[2].conversionToNext". */
function withFieldPrefix<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof DomainError)
      throw new DomainError(`${prefix}.${e.field}`, e.message.slice(e.field.length + 2));
    throw e;
  }
}

function stepDeltas(base: ReverseFunnelResult, variant: ReverseFunnelResult): FunnelStepDelta[] {
  const key = (s: { kind: string; name: string }) => `${s.kind}:${s.name}`;
  const baseSteps = new Map(base.steps.map((s) => [key(s), s]));
  const variantKeys = new Set(variant.steps.map(key));
  const deltas: FunnelStepDelta[] = variant.steps.map((v) => {
    const b = baseSteps.get(key(v));
    return {
      name: v.name,
      kind: v.kind,
      base: b?.needed ?? null,
      variant: v.needed,
      delta: v.needed - (b?.needed ?? 0),
      perPersonPerWeekDelta: v.perPersonPerWeek - (b?.perPersonPerWeek ?? 0),
    };
  });
  for (const b of base.steps) {
    if (variantKeys.has(key(b))) continue;
    deltas.push({
      name: b.name,
      kind: b.kind,
      base: b.needed,
      variant: null,
      delta: -b.needed,
      perPersonPerWeekDelta: -b.perPersonPerWeek,
    });
  }
  return deltas;
}
