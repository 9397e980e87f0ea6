// "Log activity" from anywhere in the signed-in app: the L key (outside text fields and dialogs)
// or the floating button opens the dialog with the context of the page on screen.
import { useEffect } from "react";
import { useSession } from "../auth/session";
import { Icon } from "../ui/Icon";
import { LogActivityDialog } from "./LogActivityDialog";
import { closeLogActivity, openLogActivity, useLogRequest } from "./logActivityStore";

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function LogActivityHost() {
  const session = useSession();
  const request = useLogRequest();
  const canWrite = session.person.role !== "viewer";

  useEffect(() => {
    if (!canWrite) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "l" && event.key !== "L") return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      if (typingInto(event.target) || document.querySelector("dialog[open]")) return;
      event.preventDefault();
      openLogActivity();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [canWrite]);

  if (!canWrite) return null;
  return (
    <>
      <button
        type="button"
        className="log-fab"
        aria-keyshortcuts="L"
        title="Log activity (L)"
        onClick={() => openLogActivity()}
      >
        <Icon name="plus" />
        <span className="log-fab-label">Log activity</span>
        <kbd className="log-fab-key" aria-hidden="true">
          L
        </kbd>
      </button>
      {request ? <LogActivityDialog request={request} onClose={closeLogActivity} /> : null}
    </>
  );
}

/** A page's own "Log activity" button, for the page's context. */
export function LogActivityButton({ label = "Log activity" }: { label?: string }) {
  const session = useSession();
  if (session.person.role === "viewer") return null;
  return (
    <button
      type="button"
      className="button button-primary"
      aria-keyshortcuts="L"
      onClick={() => openLogActivity()}
    >
      {label}
      <kbd className="kbd-hint" aria-hidden="true">
        L
      </kbd>
    </button>
  );
}
