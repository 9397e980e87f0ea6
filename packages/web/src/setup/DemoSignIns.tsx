// After the demo organisation is created: its people, their passwords, and one-click sign-in as any.
import { useRouter } from "@tanstack/react-router";
import { errorMessage } from "../api/errors";
import { AuthLayout } from "../auth/AuthLayout";
import { useSignIn } from "../auth/SignInPage";
import { FormError } from "../ui/Field";
import { ROLE_LABELS } from "../ui/format";
import { Role } from "@oars/core";
import type { DemoCreated } from "./SetupPage";

export function DemoSignIns({ demo }: { demo: DemoCreated }) {
  const router = useRouter();
  const signIn = useSignIn();
  return (
    <AuthLayout
      title={demo.org ? `${demo.org.name} is ready` : "Your demo organisation is ready"}
      intro={
        <p>
          These are the demo organisation's people. Note a password now if you want to come back as someone
          else later: this list is shown only once.
        </p>
      }
      wide
    >
      <div className="card">
        <div className="table-wrap">
          <table className="table" data-testid="demo-sign-ins">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Email</th>
                <th scope="col">Password</th>
                <th scope="col">
                  <span className="visually-hidden">Sign in</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {demo.people.map((person) => (
                <tr key={person.email}>
                  <td data-label="Name">
                    <span className="strong">{person.name}</span>
                    {person.title ? <span className="muted small demo-title">{person.title}</span> : null}
                  </td>
                  <td data-label="Role">
                    <RoleBadge role={person.role} />
                  </td>
                  <td data-label="Email" className="mono">
                    {person.email}
                  </td>
                  <td data-label="Password" className="mono">
                    {person.password}
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="button button-small"
                      disabled={signIn.isPending}
                      onClick={() =>
                        signIn.mutate(
                          { email: person.email, password: person.password },
                          { onSuccess: () => router.history.push("/") },
                        )
                      }
                    >
                      Sign in as {person.name.split(" ")[0]}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <FormError message={signIn.error ? errorMessage(signIn.error) : null} />
      </div>
    </AuthLayout>
  );
}

function RoleBadge({ role }: { role: string }) {
  const parsed = Role.safeParse(role);
  if (!parsed.success) return <span className="badge">{role}</span>;
  return <span className={`badge badge-${parsed.data}`}>{ROLE_LABELS[parsed.data]}</span>;
}
