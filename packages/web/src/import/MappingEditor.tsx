// Step 2: which Oars field each column of the file fills. Starts from what the server detected
// (or a CRM preset, or a saved mapping); every column can be changed, and the result saved.
import { useId, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DateFormat, IMPORT_FIELDS, ImportPreset, REQUIRED_IMPORT_FIELDS } from "@oars/core";
import type { ImportEntity } from "@oars/core";
import { errorMessage } from "../api/errors";
import { useToast } from "../ui/Toast";
import { mappingsQuery, saveMapping } from "./api";
import { PRESET_NAMES, fieldLabel } from "./labels";

export interface MappingOptions {
  dateFormat: DateFormat;
  decimalSeparator: "." | ",";
  createMissingAccounts: boolean;
}

interface MappingEditorProps {
  entity: ImportEntity;
  header: string[];
  columns: Record<string, string>;
  onColumns: (columns: Record<string, string>) => void;
  preset: ImportPreset | "";
  onPreset: (preset: ImportPreset | "") => void;
  options: MappingOptions;
  onOptions: (options: MappingOptions) => void;
}

const DATE_FORMATS: Record<DateFormat, string> = {
  iso: "ISO (2026-03-04)",
  us: "US (03/04/2026 = March 4)",
  eu: "European (03/04/2026 = 3 April)",
};

export function MappingEditor(props: MappingEditorProps) {
  const { entity, header, columns, onColumns, options, onOptions } = props;
  const id = useId();
  const notify = useToast();
  const queryClient = useQueryClient();
  const mappings = useQuery(mappingsQuery(entity));
  const [name, setName] = useState("");
  const save = useMutation({
    mutationFn: () => saveMapping({ entity, name: name.trim(), columns, options }),
    onSuccess: (mapping) => {
      notify(`Saved the mapping “${mapping.name}”`);
      setName("");
      void queryClient.invalidateQueries({ queryKey: ["imports", "mappings", entity] });
    },
  });
  const fields: readonly string[] = IMPORT_FIELDS[entity];
  const required = REQUIRED_IMPORT_FIELDS[entity];
  const used = Object.values(columns).filter(Boolean);
  const twice = new Set(used.filter((f, i) => used.indexOf(f) !== i));
  const nameCovered = used.includes("name") || (used.includes("firstName") && used.includes("lastName"));
  const missing = required.filter((f) => !used.includes(f) && !(f === "name" && nameCovered));
  const takesAccounts = ["contacts", "deals", "activities"].includes(entity);

  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        2. Match the columns
      </h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-preset`}>Exported from</label>
          <select
            id={`${id}-preset`}
            className="input"
            value={props.preset}
            onChange={(e) => props.onPreset(e.target.value === "" ? "" : ImportPreset.parse(e.target.value))}
          >
            <option value="">Detected from the header</option>
            {ImportPreset.options.map((p) => (
              <option key={p} value={p}>
                {PRESET_NAMES[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-saved`}>Saved mapping</label>
          <select
            id={`${id}-saved`}
            className="input"
            value=""
            onChange={(e) => {
              const mapping = mappings.data?.find((m) => m.id === e.target.value);
              if (!mapping) return;
              onColumns(Object.fromEntries(header.map((h) => [h, mapping.columns[h] ?? ""])));
              onOptions({ ...options, ...pickOptions(mapping.options) });
            }}
          >
            <option value="">{mappings.data?.length ? "Apply a saved mapping…" : "None saved yet"}</option>
            {mappings.data?.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-dates`}>Dates like 03/04/2026 are</label>
          <select
            id={`${id}-dates`}
            className="input"
            value={options.dateFormat}
            onChange={(e) => onOptions({ ...options, dateFormat: DateFormat.parse(e.target.value) })}
          >
            {DateFormat.options.map((f) => (
              <option key={f} value={f}>
                {DATE_FORMATS[f]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-decimal`}>Decimal separator</label>
          <select
            id={`${id}-decimal`}
            className="input"
            value={options.decimalSeparator}
            onChange={(e) => onOptions({ ...options, decimalSeparator: e.target.value === "," ? "," : "." })}
          >
            <option value=".">Point (1,234.50)</option>
            <option value=",">Comma (1.234,50)</option>
          </select>
        </div>
      </div>
      {takesAccounts ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={options.createMissingAccounts}
            onChange={(e) => onOptions({ ...options, createMissingAccounts: e.target.checked })}
          />
          Create an account named in a row when none matches
        </label>
      ) : null}

      <div className="table-wrap">
        <table className="table mapping-table">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Oars field</th>
            </tr>
          </thead>
          <tbody>
            {header.map((column, index) => {
              const field = columns[column] ?? "";
              return (
                <tr key={`${column}-${index}`}>
                  <td data-label="Column">
                    <label htmlFor={`${id}-col-${index}`} className="mono">
                      {column || `(column ${index + 1})`}
                    </label>
                  </td>
                  <td data-label="Field">
                    <select
                      id={`${id}-col-${index}`}
                      className="input input-small"
                      value={field}
                      aria-invalid={twice.has(field)}
                      onChange={(e) => onColumns({ ...columns, [column]: e.target.value })}
                    >
                      <option value="">— Don't import —</option>
                      {fields.map((f) => (
                        <option key={f} value={f}>
                          {fieldLabel(f)}
                          {required.includes(f) ? " (required)" : ""}
                        </option>
                      ))}
                    </select>
                    {twice.has(field) ? (
                      <p className="field-error">Another column fills this field too.</p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {missing.length > 0 ? (
        <p className="form-error" role="alert">
          No column fills {missing.map(fieldLabel).join(", ")}: rows need it.
        </p>
      ) : null}
      <div className="inline-form">
        <div className="field grow">
          <label htmlFor={`${id}-name`}>Save this mapping as</label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            placeholder="e.g. Salesforce opportunities"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="button"
          disabled={name.trim() === "" || save.isPending}
          onClick={() => save.mutate()}
        >
          Save mapping
        </button>
      </div>
      {save.isError ? <p className="field-error">{errorMessage(save.error)}</p> : null}
    </section>
  );
}

function pickOptions(raw: Record<string, unknown>): Partial<MappingOptions> {
  const out: Partial<MappingOptions> = {};
  const date = DateFormat.safeParse(raw.dateFormat);
  if (date.success) out.dateFormat = date.data;
  if (raw.decimalSeparator === "." || raw.decimalSeparator === ",")
    out.decimalSeparator = raw.decimalSeparator;
  if (typeof raw.createMissingAccounts === "boolean") out.createMissingAccounts = raw.createMissingAccounts;
  return out;
}
