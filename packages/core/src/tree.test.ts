import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ancestorIds, subtreeIds, wouldCycle, type TreeNode } from "./tree";

/** A random forest: each node's parent is an earlier node or none, so it is acyclic by construction. */
const forest = fc.array(fc.nat(), { minLength: 1, maxLength: 40 }).map((parents) =>
  parents.map((p, i): TreeNode => ({
    id: `t${i}`,
    parentId: i === 0 || p % (i + 1) === i ? null : `t${p % i}`,
  })),
);

describe("team tree", () => {
  it("a subtree holds its root and every descendant, nothing above", () => {
    fc.assert(
      fc.property(forest, fc.nat(), (nodes, pick) => {
        const root = nodes[pick % nodes.length] as TreeNode;
        const sub = subtreeIds(nodes, root.id);
        expect(sub.has(root.id)).toBe(true);
        for (const n of nodes) {
          const inSub = n.id === root.id || ancestorIds(nodes, n.id).includes(root.id);
          expect(sub.has(n.id)).toBe(inSub);
        }
      }),
    );
  });

  it("moving a team under its own descendant is a cycle; anywhere else is not", () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (nodes, a, b) => {
        const team = nodes[a % nodes.length] as TreeNode;
        const target = nodes[b % nodes.length] as TreeNode;
        expect(wouldCycle(nodes, team.id, target.id)).toBe(subtreeIds(nodes, team.id).has(target.id));
        expect(wouldCycle(nodes, team.id, null)).toBe(false);
      }),
    );
  });

  it("lists ancestors nearest first", () => {
    const nodes = [
      { id: "org", parentId: null },
      { id: "emea", parentId: "org" },
      { id: "fr", parentId: "emea" },
    ];
    expect(ancestorIds(nodes, "fr")).toEqual(["emea", "org"]);
  });
});
