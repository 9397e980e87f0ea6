// Keeps a million-row import's memory flat. The live data of a batch is a few MB, but V8 lets the
// heap fill with dead batches for hundreds of MB before a full collection, and keeps those pages;
// one full collection after each committed batch (tens of ms per 10,000 rows) caps the peak.
import v8 from "node:v8";
import vm from "node:vm";

let gc: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      gc = vm.runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
