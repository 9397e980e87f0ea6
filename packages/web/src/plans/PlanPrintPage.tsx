// /plans/:id/print: the plan document as a page made for paper — statement, refinement answers,
// objectives with targets and alignment, initiatives. The browser prints it or saves it as PDF.
import { useQuery } from "@tanstack/react-query";
import { Link, getRouteApi } from "@tanstack/react-router";
import { describeMetric, formatMetricValue } from "@oars/core";
import { ErrorNotice, Loading } from "../ui/Status";
import { formatDate, formatInstant } from "../ui/format";
import { INITIATIVE_STATUS_LABELS, PERSPECTIVE_LABELS, PLAN_STATUS_LABELS, objectiveValue } from "./labels";
import { documentQuery } from "./queries";

const route = getRouteApi("/app/plans/$planId/print");

export function PlanPrintPage() {
  const { planId } = route.useParams();
  const doc = useQuery(documentQuery(planId));
  if (doc.isPending) return <Loading />;
  if (doc.isError) return <ErrorNotice error={doc.error} onRetry={() => void doc.refetch()} />;
  const { plan, currency } = doc.data;

  return (
    <div className="print-page">
      <div className="print-toolbar no-print">
        <Link to="/plans/$planId" params={{ planId }} className="button">
          ← Back to the plan
        </Link>
        <div className="toolbar">
          <a className="button" href={`/api/v1/plans/${planId}/document.md`} download>
            Download Markdown
          </a>
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </div>
      </div>
      <article className="paper" data-testid="plan-document">
        <header className="paper-head">
          <p className="paper-kicker">Strategic plan</p>
          <h1>{plan.title}</h1>
          <dl className="paper-facts">
            <div>
              <dt>Owner</dt>
              <dd>{doc.data.ownerName}</dd>
            </div>
            <div>
              <dt>Horizon</dt>
              <dd>
                {formatDate(plan.horizonStart)} – {formatDate(plan.horizonEnd)}
              </dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{PLAN_STATUS_LABELS[plan.status]}</dd>
            </div>
          </dl>
        </header>

        <section>
          <h2>Where we want to be</h2>
          <p className="paper-statement">{plan.statement.trim() || "No statement yet."}</p>
        </section>

        <section>
          <h2>Refinement</h2>
          <dl className="paper-qa">
            {doc.data.refinement.map(({ question, answer }) => (
              <div key={question.key} className="paper-keep">
                <dt>{question.text}</dt>
                <dd className={answer?.answer.trim() ? undefined : "paper-missing"}>
                  {answer?.answer.trim() || "Not answered yet."}
                </dd>
              </div>
            ))}
          </dl>
        </section>

        <section>
          <h2>Objectives</h2>
          {doc.data.objectives.length === 0 ? <p className="paper-missing">No objectives yet.</p> : null}
          <ol className="paper-objectives">
            {doc.data.objectives.map(({ objective: o, ownerName, parent }) => (
              <li key={o.id} className="paper-keep">
                <p className="paper-objective-title">{o.title}</p>
                <p className="paper-objective-facts">
                  <span>{describeMetric(o.metric) ?? "No metric"}</span>
                  <span>
                    {objectiveValue(o, o.baseline, currency)} →{" "}
                    <strong>{objectiveValue(o, o.target, currency)}</strong>
                  </span>
                  <span>Due {formatDate(o.dueDate)}</span>
                  <span>{ownerName ?? "No owner"}</span>
                  <span>{PERSPECTIVE_LABELS[o.perspective]}</span>
                </p>
                {parent ? (
                  <p className="paper-aligned">
                    Aligned under “{parent.title}” ({parent.planTitle})
                  </p>
                ) : null}
                {o.description ? <p className="paper-note">{o.description}</p> : null}
              </li>
            ))}
          </ol>
        </section>

        <section>
          <h2>Key initiatives</h2>
          {doc.data.initiatives.length === 0 ? <p className="paper-missing">No initiatives yet.</p> : null}
          <table className="paper-table">
            <thead>
              <tr>
                <th>Initiative</th>
                <th>Owner</th>
                <th>When</th>
                <th>Budget</th>
                <th>Serves</th>
              </tr>
            </thead>
            <tbody>
              {doc.data.initiatives.map(({ initiative: x, ownerName, serves }) => (
                <tr key={x.id} className="paper-keep">
                  <td>
                    <strong>{x.title}</strong>
                    <span className="paper-status"> · {INITIATIVE_STATUS_LABELS[x.status]}</span>
                  </td>
                  <td>{ownerName ?? "—"}</td>
                  <td className="nowrap">
                    {formatDate(x.startDate)} – {formatDate(x.endDate)}
                  </td>
                  <td className="nowrap">
                    {x.budgetMinor > 0
                      ? formatMetricValue(x.budgetMinor, "money", { currency: x.currency })
                      : "—"}
                  </td>
                  <td>{serves.join("; ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <footer className="paper-foot">Printed from Oars on {formatInstant(doc.data.generatedAt)}.</footer>
      </article>
    </div>
  );
}
