// Only additive metrics (money, counts) are split, paced and rolled up; a ratio (win rate, average
// deal size, cycle length) is computed over a scope and never split or summed (DESIGN: data rules).
import { DomainError } from "../errors";
import type { MetricKind } from "../metrics/catalogue";

export function isSplittable(kind: MetricKind): boolean {
  return kind === "additive";
}

export function assertSplittable(kind: MetricKind, field = "metricKind"): void {
  if (!isSplittable(kind))
    throw new DomainError(field, "a ratio metric is computed over a scope and cannot be split into parts");
}
