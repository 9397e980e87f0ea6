// "Move to stage": the keyboard's (and the phone's) way to do what dragging does on the board.
// A menu button: arrows move, Enter picks, Escape closes and returns to the button.
import { useEffect, useId, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import type { Deal, Stage } from "@oars/core";

interface StageMenuProps {
  deal: Deal;
  stages: Stage[];
  onMove: (stage: Stage) => void;
  label?: string;
  className?: string;
}

export function StageMenu({ deal, stages, onMove, label = "Move to stage", className }: StageMenuProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const choices = stages.filter((s) => s.id !== deal.stageId);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  function close(focusButton: boolean) {
    setOpen(false);
    if (focusButton) button.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === "ArrowDown") focus(at + 1);
    else if (event.key === "ArrowUp") focus(at - 1);
    else if (event.key === "Home") focus(0);
    else if (event.key === "End") focus(items.length - 1);
    else if (event.key === "Escape") close(true);
    else if (event.key === "Tab") return setOpen(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="menu-wrap">
      <button
        ref={button}
        type="button"
        className={className ?? "button button-small"}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={`${label}: ${deal.name}`}
        onClick={() => setOpen((v) => !v)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
        <span aria-hidden="true" className="menu-caret">
          ▾
        </span>
      </button>
      {open ? (
        <ul id={id} ref={menu} role="menu" className="menu" aria-label={label} onKeyDown={onKeyDown}>
          {choices.map((stage) => (
            <li key={stage.id} role="none">
              <button
                type="button"
                role="menuitem"
                className={`menu-item menu-item-${stage.kind}`}
                onClick={() => {
                  close(true);
                  onMove(stage);
                }}
              >
                <span>{stage.name}</span>
                <span className="muted small">
                  {stage.kind === "open" ? `${stage.probability}%` : stage.kind === "won" ? "Won" : "Lost"}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
