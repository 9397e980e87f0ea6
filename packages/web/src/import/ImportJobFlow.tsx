// One uploaded file from mapping to result: match the columns, preview the first rows with their
// problems, dry-run, import with a live progress bar, download the rejects.
import { useEffect, useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ImportJob, ImportOptionsInput, ImportPreset } from "@oars/core";
import { isApiError } from "../api/client";
import { errorMessage } from "../api/errors";
import { ErrorNotice, Loading } from "../ui/Status";
import { cancelImport, jobQuery, previewImport, runImport } from "./api";
import { JobProgress } from "./JobProgress";
import { ENTITY_NAMES, PRESET_NAMES, formatBytes } from "./labels";
import type { MappingOptions } from "./MappingEditor";
import { MappingEditor } from "./MappingEditor";
import { PreviewTable } from "./PreviewTable";
import type { ValueMaps } from "./ValueMapEditor";
import { ValueMapEditor } from "./ValueMapEditor";

interface FlowProps {
  /** The file this job came from, while the page still has it. */
  file: File | null;
  onDone: () => void;
  /** A new job took over (the same file uploaded again for another run). */
  onStarted: (job: ImportJob) => void;
}

export function ImportJobFlow({ jobId, ...props }: FlowProps & { jobId: string }) {
  const job = useQuery(jobQuery(jobId));
  if (job.isPending) return <Loading label="Loading the import…" />;
  if (job.isError) return <ErrorNotice error={job.error} onRetry={() => void job.refetch()} />;
  return <Flow job={job.data} {...props} />;
}

function Flow({ job, onDone }: FlowProps & { job: ImportJob }) {
  const queryClient = useQueryClient();
  const [columns, setColumns] = useState<Record<string, string>>(job.detected.columns);
  const [preset, setPreset] = useState<ImportPreset | "">("");
  const [options, setOptions] = useState<MappingOptions>({
    dateFormat: "iso",
    decimalSeparator: ".",
    createMissingAccounts: false,
  });
  const [maps, setMaps] = useState<ValueMaps>({ ownerMap: {}, stageMap: {}, saveValueMaps: false });
  const importOptions: ImportOptionsInput = { ...options, ...maps, columns };
  const editable = job.status === "uploaded" || (job.dryRun && job.status !== "running");
  const preview = useQuery({
    queryKey: ["imports", "preview", job.id, importOptions] as const,
    queryFn: () => previewImport(job.id, importOptions, 50),
    enabled: editable,
    placeholderData: keepPreviousData,
  });
  const setJob = (next: ImportJob) => {
    queryClient.setQueryData(jobQuery(job.id).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: ["imports", "list"] });
  };
  const run = useMutation({
    // A dry-run job runs again for real (or dry, with other options) from its first row: the
    // server still holds the uploaded file.
    mutationFn: (dryRun: boolean) => runImport(job.id, importOptions, dryRun),
    onSuccess: (started) => setJob(started),
  });
  const cancel = useMutation({ mutationFn: () => cancelImport(job.id), onSuccess: setJob });
  const presetSwitch = useMutation({
    // A preset's column names are read by the server; its preview says which field each column got.
    mutationFn: (p: ImportPreset) => previewImport(job.id, { ...options, preset: p }, 1),
    onSuccess: (result) => setColumns(result.columns),
  });

  // A finished job changes the list of recent imports.
  useEffect(() => {
    if (job.status !== "running") void queryClient.invalidateQueries({ queryKey: ["imports", "list"] });
  }, [job.status, queryClient]);

  const started = job.status !== "uploaded";
  const rowsLabel = `${ENTITY_NAMES[job.entity].toLowerCase()}`;
  return (
    <>
      <section className="card import-file" aria-label="The file">
        <p>
          <strong>{job.fileName}</strong> <span className="muted">· {formatBytes(job.fileBytes)}</span>
        </p>
        <p className="muted small">
          {job.detected.header.length} columns · {job.detected.encoding.toUpperCase()}
          {job.detected.bom ? " with BOM" : ""} · separated by {delimiterName(job.detected.delimiter)}
          {job.detected.preset ? ` · looks like a ${PRESET_NAMES[job.detected.preset]} export` : ""}
        </p>
        <button type="button" className="link-button small" onClick={onDone}>
          Choose another file
        </button>
      </section>

      {editable ? (
        <>
          <MappingEditor
            entity={job.entity}
            header={job.detected.header}
            columns={columns}
            onColumns={setColumns}
            preset={preset}
            onPreset={(p) => {
              setPreset(p);
              if (p === "") setColumns(job.detected.columns);
              else presetSwitch.mutate(p);
            }}
            options={options}
            onOptions={setOptions}
          />
          <ValueMapEditor entity={job.entity} preview={preview.data} maps={maps} onMaps={setMaps} />
          <section className="card stack" aria-labelledby="preview-title" aria-busy={preview.isFetching}>
            <h2 id="preview-title" className="card-title">
              3. Check the first rows
            </h2>
            {preview.isPending ? <Loading label="Reading the first rows…" /> : null}
            {preview.isError ? (
              <ErrorNotice error={preview.error} onRetry={() => void preview.refetch()} />
            ) : null}
            {preview.data ? <PreviewTable preview={preview.data} /> : null}
            {run.isError ? (
              <p className="form-error" role="alert">
                {isApiError(run.error) ? run.error.message : errorMessage(run.error)}
              </p>
            ) : null}
            <div className="dialog-actions">
              <button
                type="button"
                className="button"
                disabled={run.isPending}
                onClick={() => run.mutate(true)}
              >
                Dry run
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={run.isPending}
                onClick={() => run.mutate(false)}
              >
                Import {rowsLabel}
              </button>
            </div>
          </section>
        </>
      ) : null}

      {started ? (
        <JobProgress job={job} onCancel={job.status === "running" ? () => cancel.mutate() : undefined} />
      ) : null}
      {job.status === "done" && !job.dryRun ? (
        <p>
          <button type="button" className="button" onClick={onDone}>
            Import another file
          </button>
        </p>
      ) : null}
    </>
  );
}

function delimiterName(delimiter: string): string {
  if (delimiter === "\t") return "tabs";
  if (delimiter === ";") return "semicolons";
  return "commas";
}
