// A plan's content before it is stored: what a template or a saved plan pre-fills. Plain data,
// written into the database by the server in one transaction.
import type { IsoDate } from "../contracts/common";
import type { Perspective } from "../contracts/plan-objectives";
import type { OwnerType } from "../contracts/plan-shared";
import type { TemplateInput } from "../contracts/plan-templates";
import type { MetricRef } from "../metrics";

export interface TemplateContext {
  horizonStart: IsoDate;
  /** Inclusive. */
  horizonEnd: IsoDate;
  /** The org's reporting currency, for money in titles. */
  currency: string;
  ownerType: OwnerType;
  ownerId: string;
  /** People in the owning team's subtree (1 for a person's plan): per-rep figures become totals. */
  headcount: number;
}

export interface ObjectiveDraft {
  title: string;
  description: string;
  metric: MetricRef | null;
  baseline: number | null;
  target: number | null;
  unit: string;
  startDate: IsoDate;
  dueDate: IsoDate | null;
  ownerType: OwnerType | null;
  ownerId: string | null;
  weight: number;
  perspective: Perspective;
}

export interface InitiativeDraft {
  title: string;
  description: string;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  ownerType: OwnerType | null;
  ownerId: string | null;
  budgetMinor: number;
  /** Indexes into the draft's objectives: which of them this initiative serves. */
  serves: readonly number[];
}

export interface PlanDraft {
  statement: string;
  objectives: ObjectiveDraft[];
  initiatives: InitiativeDraft[];
}

export interface PlanTemplateDefinition {
  key: string;
  name: string;
  persona: string;
  description: string;
  ownerType: OwnerType;
  /** Always includes `horizonMonths`: the length of the plan when no horizon end is given. */
  inputs: readonly TemplateInput[];
  build(values: Readonly<Record<string, number>>, ctx: TemplateContext): PlanDraft;
}
