// Driving an import through the HTTP API as the web does: upload the file, run it, poll the job.
import type { ImportJob, ImportOptionsInput } from "@oars/core";
import type { Client } from "./factory";

export async function upload(
  client: Client,
  entity: string,
  csv: string | Buffer,
  fileName = `${entity}.csv`,
) {
  return client.request("POST", `/api/v1/imports?entity=${entity}&fileName=${fileName}`, csv, {
    "content-type": "text/csv",
  });
}

export async function waitForJob(client: Client, id: string): Promise<ImportJob> {
  for (let i = 0; i < 600; i++) {
    const job = (await client.get(`/api/v1/imports/${id}`)).json<ImportJob>();
    if (job.status !== "running") return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`import ${id} did not finish`);
}

/** Uploads, runs and waits: the finished job. */
export async function importCsv(
  client: Client,
  entity: string,
  csv: string | Buffer,
  options: ImportOptionsInput = {},
  dryRun = false,
): Promise<ImportJob> {
  const up = await upload(client, entity, csv);
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${JSON.stringify(up.body)}`);
  const id = up.json<ImportJob>().id;
  const run = await client.post(`/api/v1/imports/${id}/run`, { options, dryRun });
  if (run.status !== 202) throw new Error(`run: ${run.status} ${JSON.stringify(run.body)}`);
  return waitForJob(client, id);
}
