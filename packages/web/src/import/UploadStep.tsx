// Step 1: what the file holds and the file itself (picked or dropped). Large files stream to the
// server with an upload progress bar; the server detects encoding, delimiter and CRM format.
import { useId, useState } from "react";
import type { DragEvent, FormEvent } from "react";
import type { ImportEntity, ImportJob } from "@oars/core";
import { ImportEntity as ImportEntitySchema } from "@oars/core";
import { errorMessage } from "../api/errors";
import { useSession } from "../auth/session";
import { Field, FormError } from "../ui/Field";
import { uploadFile } from "./api";
import { ENTITY_NAMES, formatBytes } from "./labels";
import { ProgressBar } from "./ProgressBar";

export function UploadStep({ onUploaded }: { onUploaded: (job: ImportJob, file: File) => void }) {
  const session = useSession();
  const isAdmin = session.person.role === "admin";
  const entities = ImportEntitySchema.options.filter(
    (e) => isAdmin || !["teams", "people", "products"].includes(e),
  );
  const fileId = useId();
  const [entity, setEntity] = useState<ImportEntity>("deals");
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      onUploaded(await uploadFile(file, entity, session.csrfToken, setProgress), file);
    } catch (err) {
      setError(errorMessage(err));
      setProgress(null);
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  return (
    <form className="card stack import-upload" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="card-title">1. Choose the file</h2>
      <Field label="The file holds">
        {(control) => (
          <select
            {...control}
            className="input"
            value={entity}
            onChange={(e) => setEntity(ImportEntitySchema.parse(e.target.value))}
          >
            {entities.map((e) => (
              <option key={e} value={e}>
                {ENTITY_NAMES[e]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div
        className={dragging ? "drop-zone drop-zone-over" : "drop-zone"}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={fileId} className="drop-zone-label">
          <span className="strong">{file ? file.name : "Drop a CSV file here, or choose one"}</span>
          <span className="muted small">
            {file
              ? formatBytes(file.size)
              : "Exports of Salesforce, HubSpot and Pipedrive are recognised; UTF-8 or Windows-1252, comma, semicolon or tab."}
          </span>
        </label>
        <input
          id={fileId}
          className="drop-zone-input"
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          aria-invalid={attempted && !file}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      {attempted && !file ? <p className="field-error">Choose a CSV file first.</p> : null}
      {progress !== null ? <ProgressBar label="Uploading" value={progress * 100} /> : null}
      <FormError message={error} />
      <div className="dialog-actions">
        <button type="submit" className="button button-primary" disabled={progress !== null}>
          Upload and check
        </button>
      </div>
    </form>
  );
}
