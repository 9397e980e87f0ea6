// The few numbers a template asks for: defaults filled in, each checked against its range, so a
// template never builds a plan from a number it did not expect.
import type { TemplateInput } from "../contracts/plan-templates";
import { DomainError } from "../errors";
import type { PlanTemplateDefinition } from "./drafts";

export function input(
  key: string,
  label: string,
  kind: TemplateInput["kind"],
  value: number,
  range: { min: number; max: number },
  help = "",
): TemplateInput {
  return { key, label, help, kind, default: value, min: range.min, max: range.max };
}

export const horizonInput = (months: number): TemplateInput =>
  input("horizonMonths", "Horizon", "months", months, { min: 3, max: 60 }, "How many months the plan covers");

/** Every input of the template with a value: the given one, else the default. Throws on a bad one. */
export function templateInputValues(
  def: Pick<PlanTemplateDefinition, "key" | "inputs">,
  given: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const known = new Map(def.inputs.map((i) => [i.key, i]));
  for (const key of Object.keys(given)) {
    if (!known.has(key))
      throw new DomainError(
        `templateInputs.${key}`,
        `is not an input of the ${def.key} template (it asks for ${[...known.keys()].join(", ")})`,
      );
  }
  const values: Record<string, number> = {};
  for (const i of def.inputs) {
    const v = given[i.key] ?? i.default;
    const field = `templateInputs.${i.key}`;
    if (!Number.isFinite(v)) throw new DomainError(field, "must be a number");
    if (v < i.min || v > i.max) throw new DomainError(field, `must be between ${i.min} and ${i.max}`);
    if ((i.kind === "money" || i.kind === "months") && !Number.isInteger(v))
      throw new DomainError(
        field,
        i.kind === "money" ? "is money: whole minor units" : "must be whole months",
      );
    values[i.key] = v;
  }
  return values;
}

/** The value of an input the template declares; templates only ask for their own inputs. */
export function valueOf(values: Readonly<Record<string, number>>, key: string): number {
  const v = values[key];
  if (v === undefined) throw new DomainError(`templateInputs.${key}`, "is missing");
  return v;
}
