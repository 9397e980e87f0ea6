// The team tree: nested lists of buttons, each branch expands and collapses. Selecting a team
// shows its people beside the tree.
import { useMemo, useState } from "react";
import { ancestorIds, childrenIndex } from "@oars/core";
import type { Team } from "@oars/core";
import { Icon } from "../ui/Icon";

export const EVERYONE = "all";

interface TeamTreeProps {
  teams: readonly Team[];
  selectedId: string;
  myTeamId: string | null;
  onSelect: (teamId: string) => void;
}

export function TeamTree({ teams, selectedId, myTeamId, onSelect }: TeamTreeProps) {
  const [showArchived, setShowArchived] = useState(false);
  const visible = useMemo(
    () => (showArchived ? teams : teams.filter((t) => !t.archived)),
    [teams, showArchived],
  );
  const children = useMemo(() => {
    const index = childrenIndex(visible);
    for (const list of index.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return index;
  }, [visible]);
  const [expanded, setExpanded] = useState<Set<string>>(() => {
    // Open the top level and the way down to the selected team (or to one's own team).
    const open = new Set(teams.filter((t) => t.parentId === null).map((t) => t.id));
    const focus = selectedId !== EVERYONE ? selectedId : myTeamId;
    if (focus) for (const id of ancestorIds(teams, focus)) open.add(id);
    return open;
  });

  // Selecting a team elsewhere (a link, a new sub-team) or moving it opens the way down to it.
  const path = useMemo(
    () => (selectedId === EVERYONE ? [] : ancestorIds(teams, selectedId)),
    [teams, selectedId],
  );
  const pathKey = `${selectedId}:${path.join("/")}`;
  const [openedFor, setOpenedFor] = useState(pathKey);
  if (openedFor !== pathKey) {
    setOpenedFor(pathKey);
    if (path.some((id) => !expanded.has(id))) setExpanded(new Set([...expanded, ...path]));
  }

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const branchIds = visible.filter((t) => (children.get(t.id)?.length ?? 0) > 0).map((t) => t.id);
  const archivedCount = teams.filter((t) => t.archived).length;

  function renderLevel(parentId: string | null, depth: number) {
    const level = children.get(parentId) ?? [];
    if (level.length === 0) return null;
    return (
      <ul className="tree-level" role="list">
        {level.map((team) => {
          const hasChildren = (children.get(team.id)?.length ?? 0) > 0;
          const isOpen = expanded.has(team.id);
          return (
            <li key={team.id}>
              <div className="tree-row" style={{ paddingInlineStart: `${depth * 16}px` }}>
                {hasChildren ? (
                  <button
                    type="button"
                    className={isOpen ? "tree-toggle tree-toggle-open" : "tree-toggle"}
                    aria-expanded={isOpen}
                    aria-label={`${isOpen ? "Collapse" : "Expand"} ${team.name}`}
                    onClick={() => toggle(team.id)}
                  >
                    <Icon name="chevron" size={14} />
                  </button>
                ) : (
                  <span className="tree-toggle-spacer" aria-hidden="true" />
                )}
                <button
                  type="button"
                  className="tree-item"
                  aria-current={selectedId === team.id ? "true" : undefined}
                  onClick={() => onSelect(team.id)}
                  data-testid={`team-node-${team.id}`}
                >
                  <span className="tree-name">{team.name}</span>
                  {team.id === myTeamId ? <span className="tag">You</span> : null}
                  {team.archived ? <span className="tag tag-muted">Archived</span> : null}
                </button>
              </div>
              {hasChildren && isOpen ? renderLevel(team.id, depth + 1) : null}
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <nav className="team-tree" aria-label="Teams">
      <div className="tree-tools">
        <button type="button" className="link-button" onClick={() => setExpanded(new Set(branchIds))}>
          Expand all
        </button>
        <button type="button" className="link-button" onClick={() => setExpanded(new Set())}>
          Collapse all
        </button>
      </div>
      <ul className="tree-level" role="list">
        <li>
          <div className="tree-row">
            <span className="tree-toggle-spacer" aria-hidden="true" />
            <button
              type="button"
              className="tree-item"
              aria-current={selectedId === EVERYONE ? "true" : undefined}
              onClick={() => onSelect(EVERYONE)}
            >
              <span className="tree-name">Everyone</span>
            </button>
          </div>
        </li>
      </ul>
      {renderLevel(null, 0)}
      {visible.length === 0 ? <p className="muted small tree-empty">No teams yet.</p> : null}
      {archivedCount > 0 ? (
        <label className="checkbox tree-archived">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(event) => setShowArchived(event.target.checked)}
          />
          Show archived teams ({archivedCount})
        </label>
      ) : null}
    </nav>
  );
}
