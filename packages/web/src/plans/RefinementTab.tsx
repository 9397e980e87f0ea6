// The refinement Q&A: the critical questions that make a strategy focused and achievable, each
// answered for this plan. Required ones left open show up in the plan checks.
import { useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { RefinementItem, StrategicPlan } from "@oars/core";
import { errorMessage } from "../api/errors";
import { ErrorNotice, Loading } from "../ui/Status";
import { useToast } from "../ui/Toast";
import { formatInstant } from "../ui/format";
import { refinementQuery, useAnswer } from "./queries";

export function RefinementTab({ plan, focus }: { plan: StrategicPlan; focus?: string }) {
  const refinement = useQuery(refinementQuery(plan.id));
  if (refinement.isPending) return <Loading />;
  if (refinement.isError)
    return <ErrorNotice error={refinement.error} onRetry={() => void refinement.refetch()} />;
  return (
    <div className="stack">
      <p className="muted intro">
        Answer the questions that make the plan focused and achievable. The org's admins choose the questions
        and which ones are required; the answers are printed in the plan document.
      </p>
      <ol className="questions">
        {refinement.data.map((item) => (
          <Question key={item.question.key} plan={plan} item={item} focused={focus === item.question.key} />
        ))}
      </ol>
    </div>
  );
}

function Question({ plan, item, focused }: { plan: StrategicPlan; item: RefinementItem; focused: boolean }) {
  const { question, answer } = item;
  const save = useAnswer(plan.id);
  const notify = useToast();
  const [text, setText] = useState(answer?.answer ?? "");
  const [seen, setSeen] = useState(answer?.version);
  const ref = useRef<HTMLLIElement>(null);
  // A newer answer saved elsewhere (or our own save) becomes the starting point again.
  if (answer?.version !== seen) {
    setSeen(answer?.version);
    setText(answer?.answer ?? "");
  }
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: "center" });
  }, [focused]);
  const dirty = text !== (answer?.answer ?? "");
  const id = `answer-${question.key}`;

  return (
    <li
      ref={ref}
      className={focused ? "card question focused" : "card question"}
      data-testid={`question-${question.key}`}
    >
      <label htmlFor={id} className="question-text">
        {question.text}
        {question.required ? (
          <span className="tag tag-accent">Required</span>
        ) : (
          <span className="tag">Optional</span>
        )}
      </label>
      {question.help ? <p className="muted small">{question.help}</p> : null}
      {plan.canEdit ? (
        <form
          className="answer-form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(
              { key: question.key, answer: text, version: answer?.version },
              { onSuccess: () => notify("Answer saved") },
            );
          }}
        >
          <textarea
            id={id}
            className="input"
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="answer-actions">
            <span className="muted small">
              {answer ? `Last saved ${formatInstant(answer.updatedAt)}` : "Not answered yet"}
            </span>
            <button type="submit" className="button button-small" disabled={!dirty || save.isPending}>
              Save answer
            </button>
          </div>
          {save.error ? (
            <p className="form-error" role="alert">
              {errorMessage(save.error)}
            </p>
          ) : null}
        </form>
      ) : (
        <p className={answer?.answer.trim() ? "answer" : "answer muted"}>
          {answer?.answer.trim() || "Not answered yet."}
        </p>
      )}
    </li>
  );
}
