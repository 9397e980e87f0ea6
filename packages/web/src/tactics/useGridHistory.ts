// The grid's cells with undo and redo. A recomputation from the settings and a hand edit (or a
// whole pasted block) are each one step back.
import { useCallback, useState } from "react";
import type { Cells } from "./gridModel";

interface History {
  cells: Cells;
  handEdited: boolean;
  past: { cells: Cells; handEdited: boolean }[];
  future: { cells: Cells; handEdited: boolean }[];
}

const LIMIT = 100;

export function useGridHistory(initial: Cells, initialHandEdited: boolean) {
  const [h, setH] = useState<History>({
    cells: initial,
    handEdited: initialHandEdited,
    past: [],
    future: [],
  });

  const push = useCallback((cells: Cells, handEdited: boolean) => {
    setH((prev) => ({
      cells,
      handEdited,
      past: [...prev.past.slice(-LIMIT + 1), { cells: prev.cells, handEdited: prev.handEdited }],
      future: [],
    }));
  }, []);

  /** Hand-typed amounts: the grid no longer follows its settings until they are recomputed. */
  const edit = useCallback((updates: readonly (readonly [string, number])[]) => {
    setH((prev) => {
      const next = new Map(prev.cells);
      let changed = false;
      for (const [key, amount] of updates) {
        if (next.get(key) === amount) continue;
        next.set(key, amount);
        changed = true;
      }
      if (!changed) return prev;
      return {
        cells: next,
        handEdited: true,
        past: [...prev.past.slice(-LIMIT + 1), { cells: prev.cells, handEdited: prev.handEdited }],
        future: [],
      };
    });
  }, []);

  const undo = useCallback(() => {
    setH((prev) => {
      const last = prev.past.at(-1);
      if (!last) return prev;
      return {
        ...last,
        past: prev.past.slice(0, -1),
        future: [{ cells: prev.cells, handEdited: prev.handEdited }, ...prev.future],
      };
    });
  }, []);

  const redo = useCallback(() => {
    setH((prev) => {
      const next = prev.future[0];
      if (!next) return prev;
      return {
        ...next,
        past: [...prev.past, { cells: prev.cells, handEdited: prev.handEdited }],
        future: prev.future.slice(1),
      };
    });
  }, []);

  /** Forget the history: a freshly loaded grid. */
  const reset = useCallback((cells: Cells, handEdited: boolean) => {
    setH({ cells, handEdited, past: [], future: [] });
  }, []);

  return {
    cells: h.cells,
    handEdited: h.handEdited,
    canUndo: h.past.length > 0,
    canRedo: h.future.length > 0,
    push,
    edit,
    undo,
    redo,
    reset,
  };
}
