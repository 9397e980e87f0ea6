// Bottom-up planning: each rep commits a number, the manager accepts or adjusts it, and the plan
// shows at once how far the commitments are from the top-down target.
import { DomainError } from "../errors";
import { assertWholeAmount } from "./largest-remainder";

/** "adjusted": the manager changed the rep's number and agreed to the new one — it counts as agreed. */
export type CommitmentStatus = "proposed" | "accepted" | "adjusted";

export interface BottomUpCommitment {
  ownerId: string;
  amount: number;
  status: CommitmentStatus;
}

export interface CommitmentGap {
  target: number;
  /** Σ of every commitment, agreed or not. */
  committed: number;
  /** Σ of accepted and adjusted commitments. */
  agreed: number;
  /** Σ of commitments still proposed, waiting for the manager. */
  pending: number;
  /** target − agreed: above 0 the agreed numbers fall short, below 0 they exceed the target. */
  gap: number;
  /** target − committed: the gap left if every proposal were accepted as is. */
  gapIfAllAgreed: number;
  pendingOwnerIds: string[];
}

export function commitmentGap(target: number, commitments: readonly BottomUpCommitment[]): CommitmentGap {
  assertWholeAmount(target, "target");
  const seen = new Set<string>();
  let agreed = 0;
  let pending = 0;
  const pendingOwnerIds: string[] = [];
  commitments.forEach((c, i) => {
    if (seen.has(c.ownerId)) throw new DomainError(`commitments[${i}].ownerId`, "has a second commitment");
    seen.add(c.ownerId);
    assertWholeAmount(c.amount, `commitments[${i}].amount`);
    if (c.status === "proposed") {
      pending += c.amount;
      pendingOwnerIds.push(c.ownerId);
    } else if (c.status === "accepted" || c.status === "adjusted") agreed += c.amount;
    else throw new DomainError(`commitments[${i}].status`, "must be proposed, accepted or adjusted");
  });
  const committed = agreed + pending;
  return {
    target,
    committed,
    agreed,
    pending,
    gap: target - agreed,
    gapIfAllAgreed: target - committed,
    pendingOwnerIds,
  };
}
