// The team tree: subtrees, ancestors and cycle checks over a flat list of (id, parentId).

export interface TreeNode {
  id: string;
  parentId: string | null;
}

export function childrenIndex<T extends TreeNode>(nodes: readonly T[]): Map<string | null, T[]> {
  const index = new Map<string | null, T[]>();
  for (const n of nodes) {
    const list = index.get(n.parentId);
    if (list) list.push(n);
    else index.set(n.parentId, [n]);
  }
  return index;
}

/** The node and everything below it. */
export function subtreeIds(nodes: readonly TreeNode[], rootId: string): Set<string> {
  const children = childrenIndex(nodes);
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of children.get(id) ?? []) stack.push(c.id);
  }
  return out;
}

/** The node's parents up to the root, nearest first (the node itself excluded). */
export function ancestorIds(nodes: readonly TreeNode[], id: string): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  const seen = new Set<string>([id]);
  let parent = byId.get(id)?.parentId ?? null;
  while (parent !== null && !seen.has(parent)) {
    out.push(parent);
    seen.add(parent);
    parent = byId.get(parent)?.parentId ?? null;
  }
  return out;
}

/** True when putting `id` under `newParentId` would make it its own ancestor. */
export function wouldCycle(nodes: readonly TreeNode[], id: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  if (newParentId === id) return true;
  return subtreeIds(nodes, id).has(newParentId);
}
