// Where "Log activity" gets its context: the page on screen says which account, deal or contact
// it shows, and the dialog (opened by a button or the L key from anywhere) starts from there.
import { useEffect, useSyncExternalStore } from "react";
import type { ActivityType } from "@oars/core";

export interface ActivityContext {
  accountId?: string | null;
  dealId?: string | null;
  contactId?: string | null;
}

export interface LogRequest extends ActivityContext {
  type?: ActivityType;
}

interface State {
  open: LogRequest | null;
}

const stack: { key: number; context: ActivityContext }[] = [];
let state: State = { open: null };
let nextKey = 1;
const listeners = new Set<() => void>();

function emit(next: State) {
  state = next;
  for (const listener of listeners) listener();
}

/** The context of the page on screen (the innermost one wins). */
export function currentContext(): ActivityContext {
  return stack[stack.length - 1]?.context ?? {};
}

/** A page declares what it shows while it is mounted. */
export function useActivityContext(context: ActivityContext): void {
  const { accountId, dealId, contactId } = context;
  useEffect(() => {
    const key = nextKey++;
    stack.push({ key, context: { accountId, dealId, contactId } });
    return () => {
      const at = stack.findIndex((entry) => entry.key === key);
      if (at >= 0) stack.splice(at, 1);
    };
  }, [accountId, dealId, contactId]);
}

export function openLogActivity(request: LogRequest = {}): void {
  emit({ open: { ...currentContext(), ...request } });
}

export function closeLogActivity(): void {
  emit({ open: null });
}

export function useLogRequest(): LogRequest | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state.open,
  );
}
