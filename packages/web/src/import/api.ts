// The import API: upload a CSV (streamed, with upload progress), preview, run or dry-run, poll,
// cancel, download rejects; saved column mappings. Every path is here, in one place.
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { ErrorBody } from "@oars/core";
import type {
  ImportEntity,
  ImportJob,
  ImportMapping,
  ImportMappingCreate,
  ImportOptionsInput,
  ImportPreview,
  Page,
} from "@oars/core";
import { ApiError, api, query } from "../api/client";

const BASE = "/api/v1/imports";
const MAPPINGS = "/api/v1/imports/mappings";

export const jobQuery = (id: string) =>
  queryOptions({
    queryKey: ["imports", "one", id] as const,
    queryFn: ({ signal }) => api.get<ImportJob>(`${BASE}/${id}`, { signal }),
    // A running import is polled for its progress; a finished one stays as it is.
    refetchInterval: (q) => (q.state.data?.status === "running" ? 500 : false),
  });

export const jobsQuery = infiniteQueryOptions({
  queryKey: ["imports", "list"] as const,
  queryFn: ({ pageParam, signal }) =>
    api.get<Page<ImportJob>>(`${BASE}${query({ limit: 10, cursor: pageParam })}`, { signal }),
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.next,
});

export const mappingsQuery = (entity: ImportEntity) =>
  queryOptions({
    queryKey: ["imports", "mappings", entity] as const,
    queryFn: async ({ signal }) =>
      (await api.get<{ items: ImportMapping[] }>(`${MAPPINGS}${query({ entity })}`, { signal })).items,
  });

export const previewImport = (id: string, options: ImportOptionsInput, rows = 20) =>
  api.post<ImportPreview>(`${BASE}/${id}/preview`, { options, rows });

export const runImport = (id: string, options: ImportOptionsInput, dryRun: boolean) =>
  api.post<ImportJob>(`${BASE}/${id}/run`, { options, dryRun });

export const cancelImport = (id: string) => api.post<ImportJob>(`${BASE}/${id}/cancel`);

export const rejectsHref = (id: string) => `${BASE}/${id}/rejects.csv`;

export const saveMapping = (input: ImportMappingCreate) => api.post<ImportMapping>(MAPPINGS, input);

/**
 * Sends the file as the request body (no multipart: the server streams it to disk), reporting
 * upload progress. fetch() cannot report it, XMLHttpRequest can.
 */
export function uploadFile(
  file: File,
  entity: ImportEntity,
  csrfToken: string,
  onProgress: (fraction: number) => void,
): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${BASE}${query({ entity, fileName: file.name })}`);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(0, "network", "Could not reach the Oars server. Check your connection and try again."),
      );
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: handled below by the status.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as ImportJob);
      const error = errorOf(body);
      const message = error?.message ?? `The upload failed (HTTP ${xhr.status}).`;
      reject(new ApiError(xhr.status, error?.code ?? "internal", message, error?.field));
    };
    xhr.send(file);
  });
}

function errorOf(body: unknown) {
  const parsed = ErrorBody.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}
