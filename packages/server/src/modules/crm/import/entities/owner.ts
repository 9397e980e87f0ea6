// The owner columns of an imported row: the owner cell (or, without one, the default owner).
// An existing record changes owner only when the file has an owner column.
import { resolveOwner, type ImportCtx } from "../context";
import type { RowReader } from "../row-reader";

export function ownerFields(
  ic: ImportCtx,
  r: RowReader,
): { owner_id: string; team_id: string | null } | null {
  const owner = resolveOwner(ic, r.raw("owner"));
  if ("problem" in owner) {
    // Without an owner column the default owner only matters for new records; refused there.
    if (r.has("owner")) r.fail("owner", owner.problem);
    return null;
  }
  return { owner_id: owner.ok.id, team_id: owner.ok.teamId };
}
