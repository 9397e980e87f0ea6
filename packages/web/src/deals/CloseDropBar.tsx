// While a deal is being dragged, the won and lost stages wait at the bottom of the screen, so
// closing a deal never needs scrolling the board to its last columns.
import { useState } from "react";
import type { Stage } from "@oars/core";

export function CloseDropBar({ stages, onDrop }: { stages: Stage[]; onDrop: (stage: Stage) => void }) {
  return (
    <div className="board-dropbar" data-testid="close-drop-bar">
      {stages.map((stage) => (
        <DropZone key={stage.id} stage={stage} onDrop={onDrop} />
      ))}
    </div>
  );
}

function DropZone({ stage, onDrop }: { stage: Stage; onDrop: (stage: Stage) => void }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`board-drop board-drop-${stage.kind}${over ? " board-drop-over" : ""}`}
      data-testid={`drop-${stage.name}`}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        onDrop(stage);
      }}
    >
      Drop here: {stage.name}
    </div>
  );
}
