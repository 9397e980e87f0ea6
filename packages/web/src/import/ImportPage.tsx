// /import: bring sales data (and, for admins, the org chart and products) in from a CSV file.
import { useState } from "react";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useSession } from "../auth/session";
import { ImportJobFlow } from "./ImportJobFlow";
import { RecentImports } from "./RecentImports";
import { UploadStep } from "./UploadStep";

const route = getRouteApi("/app/import");

export function ImportPage() {
  const { job } = route.useSearch();
  const navigate = useNavigate();
  const session = useSession();
  // The file stays in the page after its upload: a real run after a dry run sends it again.
  const [file, setFile] = useState<File | null>(null);
  const show = (id: string | undefined) => void navigate({ to: "/import", search: id ? { job: id } : {} });
  const mayImport = session.person.role === "admin" || session.person.role === "manager";

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Import</h1>
          <p className="muted">
            Bring accounts, contacts, deals and activities in from your CRM’s CSV export
            {session.person.role === "admin" ? ", and products, teams and people" : ""}. Importing the same
            file again updates what it brought in and creates no duplicates.
          </p>
        </div>
      </header>
      {!mayImport ? (
        <p className="notice notice-info">
          Managers and admins import data. Ask one of them to bring your file in.
        </p>
      ) : job ? (
        <ImportJobFlow
          key={job}
          jobId={job}
          file={file}
          onDone={() => show(undefined)}
          onStarted={(started) => show(started.id)}
        />
      ) : (
        <UploadStep
          onUploaded={(uploaded, chosen) => {
            setFile(chosen);
            show(uploaded.id);
          }}
        />
      )}
      <RecentImports />
    </div>
  );
}
