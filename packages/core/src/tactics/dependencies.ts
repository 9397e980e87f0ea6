// Finish-to-start dependencies between actions: one action cannot start before another is done.
// A cycle would make every action in it wait for itself, so it is refused.
import { DomainError } from "../errors";

export interface ActionLink {
  id: string;
  /** The actions that must finish before this one starts. */
  dependsOn: readonly string[];
}

/** A cycle through the links as a list of ids (first repeated at the end), or null when there is none. */
export function findDependencyCycle(actions: readonly ActionLink[]): string[] | null {
  const edges = new Map<string, readonly string[]>(actions.map((a) => [a.id, a.dependsOn]));
  const state = new Map<string, "visiting" | "done">();
  const path: string[] = [];
  // Iterative depth-first search: a long chain of dependencies must not overflow the stack.
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, "visiting");
    path.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!top) break;
      const deps = edges.get(top.id) ?? [];
      if (top.next >= deps.length) {
        state.set(top.id, "done");
        stack.pop();
        path.pop();
        continue;
      }
      const dep = deps[top.next++] ?? "";
      const s = state.get(dep);
      if (s === "visiting") return [...path.slice(path.indexOf(dep)), dep];
      if (s === "done" || !edges.has(dep)) continue;
      state.set(dep, "visiting");
      path.push(dep);
      stack.push({ id: dep, next: 0 });
    }
  }
  return null;
}

/** Throws a DomainError on `field` naming the actions of the first cycle found. */
export function assertNoDependencyCycle(
  actions: readonly ActionLink[],
  titles: ReadonlyMap<string, string> = new Map(),
  field = "dependsOn",
): void {
  const cycle = findDependencyCycle(actions);
  if (!cycle) return;
  const names = cycle.map((id) => titles.get(id) ?? id);
  throw new DomainError(field, `would make a dependency cycle: ${names.join(" → ")}`);
}

export interface DatedAction extends ActionLink {
  title: string;
  startDate: string | null;
  dueDate: string | null;
}

export interface ScheduleConflict {
  actionId: string;
  dependsOnId: string;
  message: string;
}

/** Actions planned to start before an action they wait for is due: worth a warning, not a refusal. */
export function scheduleConflicts(actions: readonly DatedAction[]): ScheduleConflict[] {
  const byId = new Map(actions.map((a) => [a.id, a]));
  const out: ScheduleConflict[] = [];
  for (const a of actions) {
    const begins = a.startDate ?? a.dueDate;
    if (begins === null) continue;
    for (const depId of a.dependsOn) {
      const dep = byId.get(depId);
      if (!dep?.dueDate || dep.dueDate < begins) continue;
      out.push({
        actionId: a.id,
        dependsOnId: dep.id,
        message: `“${a.title}” starts on ${begins} but waits for “${dep.title}”, due ${dep.dueDate}.`,
      });
    }
  }
  return out;
}
