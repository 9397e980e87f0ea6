// Circular alignment: an objective aligned, through its parents, under itself would take its
// target from itself. Refused at write time (alignmentCycle) and reported on stored data (alignmentCycles).

export interface AlignedObjective {
  id: string;
  parentObjectiveId: string | null;
}

/**
 * The loop that aligning `objectiveId` under `newParentId` would close, as ids from the objective up
 * through its would-be parents (the objective first, not repeated at the end); null when there is none.
 */
export function alignmentCycle(
  objectives: readonly AlignedObjective[],
  objectiveId: string,
  newParentId: string | null,
): string[] | null {
  if (newParentId === null) return null;
  const parentOf = new Map(objectives.map((o) => [o.id, o.parentObjectiveId]));
  const path = [objectiveId];
  const seen = new Set(path);
  let current: string | null = newParentId;
  while (current !== null) {
    if (current === objectiveId) return path;
    // A loop that does not pass through the objective was there before this write: not ours to refuse.
    if (seen.has(current)) return null;
    path.push(current);
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return null;
}

/**
 * Every loop among the objectives' parent links, each as its ids in parent order starting from its
 * smallest id, the loops ordered by that id, so the answer does not depend on the input order.
 */
export function alignmentCycles(objectives: readonly AlignedObjective[]): string[][] {
  const parentOf = new Map(objectives.map((o) => [o.id, o.parentObjectiveId]));
  const settled = new Set<string>();
  const cycles: string[][] = [];
  for (const start of objectives) {
    const trail: string[] = [];
    const onTrail = new Map<string, number>();
    let current: string | null = start.id;
    while (current !== null && !settled.has(current) && !onTrail.has(current)) {
      onTrail.set(current, trail.length);
      trail.push(current);
      current = parentOf.get(current) ?? null;
    }
    if (current !== null && onTrail.has(current)) {
      const loop = trail.slice(onTrail.get(current));
      const smallest = loop.reduce((a, b) => (b < a ? b : a));
      const at = loop.indexOf(smallest);
      cycles.push([...loop.slice(at), ...loop.slice(0, at)]);
    }
    for (const id of trail) settled.add(id);
  }
  return cycles.sort((a, b) => compareText(a[0] ?? "", b[0] ?? ""));
}

/** Code-point order, the same on every machine (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
