// Editing one person's ramp curve month by month, in percentages of a full target from the hire
// date: starting from a preset, adding or removing months, checked as the server checks it (0 to
// 100 %, never lower than the month before) before it reshapes the grid.
import { useState } from "react";
import type { GridRow } from "@oars/core";
import { Dialog } from "../ui/Dialog";
import { FormError } from "../ui/Field";
import { formatDate } from "../ui/format";
import { parseRampPercentages, rampCurveOfPreset, type RampCurve, type RampPreset } from "./gridModel";

interface Props {
  row: GridRow;
  curve: RampCurve | undefined;
  onClose: () => void;
  onSave: (curve: RampCurve | null) => void;
}

const asTexts = (curve: RampCurve) => curve.map((step) => String(Math.round(step * 1000) / 10));
const MAX_MONTHS = 24;

export function RampCurveDialog({ row, curve, onClose, onSave }: Props) {
  const [texts, setTexts] = useState<string[]>(() => asTexts(curve ?? rampCurveOfPreset("standard") ?? [1]));
  const [problem, setProblem] = useState<{ month: number; message: string } | null>(null);
  const setMonth = (i: number, text: string) => {
    setTexts((prev) => prev.map((t, k) => (k === i ? text : t)));
    setProblem(null);
  };
  const fromPreset = (preset: RampPreset) => {
    setTexts(asTexts(rampCurveOfPreset(preset) ?? [1]));
    setProblem(null);
  };

  return (
    <Dialog
      title={`Ramp for ${row.label}`}
      description={
        row.hireDate
          ? `Share of a full target in each month from the hire date, ${formatDate(row.hireDate)}. After the last month the last share holds.`
          : "Share of a full target in each month of tenure."
      }
      onClose={onClose}
      testId="ramp-dialog"
    >
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseRampPercentages(texts);
          if ("curve" in parsed) onSave(parsed.curve.every((step) => step === 1) ? null : parsed.curve);
          else setProblem(parsed);
        }}
      >
        <div className="toolbar">
          <span className="muted small">Start from</span>
          <button type="button" className="button button-small" onClick={() => fromPreset("standard")}>
            5-month ramp
          </button>
          <button type="button" className="button button-small" onClick={() => fromPreset("enterprise")}>
            8-month ramp
          </button>
        </div>
        <ol className="ramp-months">
          {texts.map((text, i) => (
            <li key={i} className="ramp-month">
              <label>
                <span className="small muted">Month {i + 1}</span>
                <span className="ramp-input">
                  <input
                    className="input input-small"
                    inputMode="decimal"
                    aria-label={`Month ${i + 1}, % of a full target`}
                    aria-invalid={problem?.month === i}
                    data-autofocus={i === 0 ? true : undefined}
                    value={text}
                    onChange={(e) => setMonth(i, e.target.value)}
                  />
                  <span aria-hidden="true">%</span>
                </span>
              </label>
            </li>
          ))}
        </ol>
        <div className="toolbar">
          <button
            type="button"
            className="button button-small"
            disabled={texts.length >= MAX_MONTHS}
            onClick={() => setTexts((prev) => [...prev, prev.at(-1) ?? "100"])}
          >
            Add a month
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={texts.length <= 1}
            onClick={() => {
              setTexts((prev) => prev.slice(0, -1));
              setProblem(null);
            }}
          >
            Remove the last month
          </button>
        </div>
        <FormError message={problem?.message ?? null} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onSave(null)}>
            No ramp
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Use this curve
          </button>
        </div>
      </form>
    </Dialog>
  );
}
