// A labelled progress bar (role progressbar with its value) for uploads and running imports.
export function ProgressBar({ label, value, detail }: { label: string; value: number; detail?: string }) {
  const percent = Math.max(0, Math.min(100, value));
  return (
    <div className="progress">
      <div className="progress-text">
        <span>{label}</span>
        <span className="num">{percent.toFixed(percent < 10 && percent > 0 ? 1 : 0)}%</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(percent)}
        aria-valuetext={detail ? `${Math.round(percent)}%, ${detail}` : `${Math.round(percent)}%`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {detail ? <p className="muted small">{detail}</p> : null}
    </div>
  );
}
