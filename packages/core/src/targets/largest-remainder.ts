// Exact proportional splitting of an integer (minor units or a count) by the largest-remainder
// (Hamilton) method: every split in Oars goes through here so parts always sum to the whole.
import { DomainError } from "../errors";

/** Throws unless `value` is a non-negative safe integer (minor units or a count). */
export function assertWholeAmount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new DomainError(field, "must be a whole, non-negative number (minor units or a count)");
}

/** Throws unless every weight is finite and ≥ 0 and at least one is above 0. */
export function assertWeights(weights: readonly number[], field = "weights"): void {
  if (weights.length === 0) throw new DomainError(field, "must not be empty");
  weights.forEach((w, i) => {
    if (!Number.isFinite(w)) throw new DomainError(`${field}[${i}]`, "must be a finite number");
    if (w < 0) throw new DomainError(`${field}[${i}]`, "must not be negative");
  });
  if (!weights.some((w) => w > 0)) throw new DomainError(field, "must not all be zero");
}

/**
 * Splits `total` into integer parts proportional to `weights`: each part is its quota
 * total × w / Σw rounded down, and the units left over go one each to the largest fractional
 * remainders (ties to the lower index, so the result is deterministic). The parts sum exactly to
 * `total`, none is negative, a zero weight gets 0, and each part is within 1 of its quota.
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  assertWholeAmount(total, "total");
  assertWeights(weights);
  // Scale by the largest weight first so huge weights cannot overflow the sum to Infinity.
  const largest = weights.reduce((m, w) => Math.max(m, w), 0);
  const scaled = weights.map((w) => w / largest);
  const scaledSum = scaled.reduce((s, w) => s + w, 0);
  const quotas = scaled.map((w) => total * (w / scaledSum));
  const parts = quotas.map((q) => Math.min(total, Math.floor(q)));
  const remainders = quotas.map((q, i) => q - (parts[i] ?? 0));
  let left = total - parts.reduce((s, p) => s + p, 0);

  // Floating-point quotas can land a hair off; the loops below make the sum exact whatever happens.
  const byRemainderDesc = weights
    .map((w, i) => ({ i, w, r: remainders[i] ?? 0 }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % byRemainderDesc.length, left--) {
    const at = byRemainderDesc[k]?.i ?? 0;
    parts[at] = (parts[at] ?? 0) + 1;
  }
  for (let k = byRemainderDesc.length - 1; left < 0; k = k > 0 ? k - 1 : byRemainderDesc.length - 1) {
    const at = byRemainderDesc[k]?.i ?? 0;
    if ((parts[at] ?? 0) > 0) {
      parts[at] = (parts[at] ?? 0) - 1;
      left++;
    }
  }
  return parts;
}
