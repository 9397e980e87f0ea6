// What the ramps hold back from the new hires' shares, and where it goes: spread over the rest of
// the team so the total holds, or accepted as a gap the manager answers for.
import { formatAmount } from "./gridModel";

interface Props {
  heldBack: number;
  mode: "redistribute" | "acceptGap";
  isMoney: boolean;
  /** The rows ramping, by name. */
  ramped: readonly string[];
  readOnly: boolean;
  onMode: (mode: "redistribute" | "acceptGap") => void;
}

export function RampNote({ heldBack, mode, isMoney, ramped, readOnly, onMode }: Props) {
  const whose =
    ramped.length === 1 ? `The ramp of ${ramped[0]} holds` : `The ramps of ${ramped.length} people hold`;
  return (
    <p
      className={mode === "acceptGap" ? "notice notice-warn ramp-note" : "notice ramp-note"}
      data-testid="ramp-note"
    >
      <span>
        {whose} back <strong data-testid="ramp-held-back">{formatAmount(heldBack, isMoney)}</strong> —{" "}
        {mode === "redistribute"
          ? "spread over the rest of the team, so the total holds."
          : "accepted as a gap: nobody else carries it."}
      </span>{" "}
      {!readOnly ? (
        <button
          type="button"
          className="link-button"
          onClick={() => onMode(mode === "redistribute" ? "acceptGap" : "redistribute")}
        >
          {mode === "redistribute" ? "Accept it as a gap instead" : "Spread it over the team instead"}
        </button>
      ) : null}
    </p>
  );
}
