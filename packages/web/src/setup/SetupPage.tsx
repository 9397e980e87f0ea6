// First run: create the organisation and its first admin, or explore a ready-made demo organisation.
import { useState } from "react";
import type { FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { SetupInput } from "@oars/core";
import type { Org, Role, Session } from "@oars/core";
import { api } from "../api/client";
import { apiFieldErrors, formLevelError } from "../api/errors";
import { AuthLayout } from "../auth/AuthLayout";
import { acceptSession, setupStatusQuery } from "../auth/session";
import { Field, FormError } from "../ui/Field";
import { PasswordField } from "../ui/PasswordField";
import { useValidation } from "../ui/useValidation";
import { COMMON_CURRENCIES, MONTHS, browserCurrency, browserTimeZone, timeZones } from "../ui/format";
import { DemoSignIns } from "./DemoSignIns";

export interface DemoPerson {
  name: string;
  email: string;
  role: Role | string;
  /** What they do in the demo story, e.g. "Sales director". */
  title?: string;
  password: string;
}
export interface DemoCreated {
  org?: Pick<Org, "name">;
  orgId?: string;
  people: DemoPerson[];
}

const FIELDS = [
  "org.name",
  "org.currency",
  "org.timeZone",
  "org.fiscalYearStartMonth",
  "admin.name",
  "admin.email",
  "admin.password",
] as const;

export function SetupPage() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [orgName, setOrgName] = useState("");
  const [currency, setCurrency] = useState(browserCurrency);
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [fiscalYearStartMonth, setFiscalYearStartMonth] = useState(1);
  const [adminName, setAdminName] = useState("");
  const [adminEmail, setAdminEmail] = useState("");
  const [password, setPassword] = useState("");
  const check = useValidation(
    SetupInput.safeParse({
      org: { name: orgName, currency: currency.trim().toUpperCase(), timeZone, fiscalYearStartMonth },
      admin: { name: adminName, email: adminEmail, password },
    }),
  );

  const setup = useMutation({
    mutationFn: (input: SetupInput) => api.post<Session>("/api/v1/setup", input),
    onSuccess: (session) => {
      acceptSession(queryClient, session);
      router.history.push("/");
    },
  });
  const demo = useMutation({
    mutationFn: () => api.post<DemoCreated>("/api/v1/setup/demo"),
    onSuccess: () => queryClient.setQueryData(setupStatusQuery.queryKey, { needsSetup: false }),
  });

  if (demo.data) return <DemoSignIns demo={demo.data} />;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = check.validate();
    if (input) setup.mutate(input);
  }

  const errors = { ...apiFieldErrors(setup.error, FIELDS), ...check.errors };
  return (
    <AuthLayout
      title="Welcome to Oars"
      intro={
        <p>
          Set up your organisation and its first administrator. You can change all of this later in Settings.
        </p>
      }
      wide
    >
      <div className="setup-grid">
        <form className="card stack" onSubmit={submit} noValidate aria-label="Create organisation">
          <fieldset className="fieldset">
            <legend>Your organisation</legend>
            <Field label="Organisation name" error={errors["org.name"]}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  autoComplete="organization"
                  autoFocus
                  value={orgName}
                  onChange={(event) => setOrgName(event.target.value)}
                />
              )}
            </Field>
            <div className="field-row">
              <Field label="Currency" error={errors["org.currency"]} hint="Reporting currency, e.g. EUR">
                {(control) => (
                  <>
                    <input
                      {...control}
                      className="input mono"
                      list="setup-currencies"
                      maxLength={3}
                      value={currency}
                      onChange={(event) => setCurrency(event.target.value.toUpperCase())}
                    />
                    <datalist id="setup-currencies">
                      {COMMON_CURRENCIES.map((code) => (
                        <option key={code} value={code} />
                      ))}
                    </datalist>
                  </>
                )}
              </Field>
              <Field label="Fiscal year starts in" error={errors["org.fiscalYearStartMonth"]}>
                {(control) => (
                  <select
                    {...control}
                    className="input"
                    value={fiscalYearStartMonth}
                    onChange={(event) => setFiscalYearStartMonth(Number(event.target.value))}
                  >
                    {MONTHS.map((month, i) => (
                      <option key={month} value={i + 1}>
                        {month}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <Field label="Time zone" error={errors["org.timeZone"]}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={timeZone}
                  onChange={(event) => setTimeZone(event.target.value)}
                >
                  {timeZones(timeZone).map((zone) => (
                    <option key={zone} value={zone}>
                      {zone.replaceAll("_", " ")}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </fieldset>
          <fieldset className="fieldset">
            <legend>You, the first administrator</legend>
            <Field label="Your name" error={errors["admin.name"]}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  autoComplete="name"
                  value={adminName}
                  onChange={(event) => setAdminName(event.target.value)}
                />
              )}
            </Field>
            <Field label="Email" error={errors["admin.email"]}>
              {(control) => (
                <input
                  {...control}
                  className="input"
                  type="email"
                  autoComplete="username"
                  value={adminEmail}
                  onChange={(event) => setAdminEmail(event.target.value)}
                />
              )}
            </Field>
            <PasswordField
              label="Password"
              value={password}
              onChange={setPassword}
              context={{ email: adminEmail, name: adminName }}
              error={errors["admin.password"]}
            />
          </fieldset>
          <FormError message={formLevelError(setup.error, FIELDS)} />
          <button type="submit" className="button button-primary button-block" disabled={setup.isPending}>
            {setup.isPending ? "Creating…" : "Create organisation"}
          </button>
        </form>
        <aside className="card stack demo-card" aria-labelledby="demo-title">
          <h2 id="demo-title">Just looking around?</h2>
          <p className="muted">
            Create a demo organisation instead: a sales director over three regional teams, with a new
            salesperson and a seasoned account manager. You'll get their sign-ins to try each role.
          </p>
          <FormError message={demo.error ? formLevelError(demo.error, []) : null} />
          <button
            type="button"
            className="button button-block"
            onClick={() => demo.mutate()}
            disabled={demo.isPending}
          >
            {demo.isPending ? "Creating the demo…" : "Explore a demo organisation"}
          </button>
        </aside>
      </div>
    </AuthLayout>
  );
}
