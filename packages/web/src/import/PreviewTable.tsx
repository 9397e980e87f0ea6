// Step 3: the first rows as Oars will read them — what each would do (create, update, reject) and
// each row's problems next to it, before anything is written.
import type { ImportPreview } from "@oars/core";
import { fieldLabel } from "./labels";

const ACTION_LABELS = { create: "New", update: "Update", reject: "Rejected" } as const;
const MAX_FIELDS = 4;
/** The fields that tell rows apart, shown first. */
const PRIORITY = [
  "name",
  "subject",
  "firstName",
  "lastName",
  "email",
  "account",
  "amount",
  "closeDate",
  "stage",
  "type",
];

export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const mapped = [...new Set(Object.values(preview.columns).filter(Boolean))];
  const rank = (f: string) => (PRIORITY.includes(f) ? PRIORITY.indexOf(f) : PRIORITY.length);
  const fields = mapped.sort((a, b) => rank(a) - rank(b)).slice(0, MAX_FIELDS);
  const rejected = preview.rows.filter((r) => r.action === "reject").length;
  return (
    <div className="stack preview">
      {preview.warnings.length > 0 ? (
        <ul className="notice-list" aria-label="Warnings">
          {preview.warnings.map((w) => (
            <li key={w} className="notice notice-warn">
              {w}
            </li>
          ))}
        </ul>
      ) : null}
      {preview.unmapped.length > 0 ? (
        <p className="muted small">Not imported: {preview.unmapped.join(", ")}</p>
      ) : null}
      <p className="small" aria-live="polite">
        First {preview.rows.length} rows: {preview.rows.length - rejected} look fine
        {rejected > 0 ? `, ${rejected} would be rejected` : ""}.
      </p>
      <div className="table-wrap">
        <table className="table preview-table" data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Result</th>
              <th scope="col">Problems</th>
              {fields.map((f) => (
                <th scope="col" key={f}>
                  {fieldLabel(f)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row} className={row.action === "reject" ? "preview-reject" : undefined}>
                <td data-label="Row" className="num">
                  {row.row}
                </td>
                <td data-label="Result">
                  <span className={`import-action import-action-${row.action}`}>
                    {ACTION_LABELS[row.action]}
                  </span>
                </td>
                <td data-label="Problems">
                  {row.problems.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="problem-list">
                      {row.problems.map((p, i) => (
                        <li key={i}>
                          {p.field ? <strong>{fieldLabel(p.field)}: </strong> : null}
                          {p.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                {fields.map((f) => (
                  <td key={f} data-label={fieldLabel(f)} className="preview-cell">
                    {row.values[f] ?? ""}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
