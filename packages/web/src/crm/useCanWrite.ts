// Whether the signed-in person records sales work: viewers only read. The server decides per
// record (a member writes what they own); this only hides controls that could never work.
import { useSession } from "../auth/session";

export function useCanWrite(): boolean {
  return useSession().person.role !== "viewer";
}
