// A conversation on a plan, an objective or an initiative. Typing @ offers people by name; the
// people mentioned are told in the app (the bell in the frame).
import { useMemo, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { CommentEntity, Person, StrategicPlan } from "@oars/core";
import { errorMessage } from "../api/errors";
import { useSession } from "../auth/session";
import { formatInstant, initials } from "../ui/format";
import { commentsQuery, everyoneQuery, useComment } from "./queries";

interface Props {
  entity: CommentEntity;
  entityId: string;
  plan: StrategicPlan;
}

/** The "@partial name" being typed just before the caret, if any. */
function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && !/\s/.test(before.charAt(at - 1)))) return null;
  const query = before.slice(at + 1);
  if (query.length > 30 || /\n/.test(query) || /\s{2}/.test(query)) return null;
  return { start: at, query };
}

function Body({ text, names }: { text: string; names: string[] }) {
  if (names.length === 0) return <p className="comment-body">{text}</p>;
  const pattern = new RegExp(
    `(${names.map((n) => `@${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`).join("|")})`,
    "g",
  );
  return (
    <p className="comment-body">
      {text.split(pattern).map((part, i) =>
        part.startsWith("@") && names.includes(part.slice(1)) ? (
          <mark key={i} className="mention">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </p>
  );
}

export function Comments({ entity, entityId, plan }: Props) {
  const session = useSession();
  const thread = useQuery(commentsQuery(entity, entityId));
  const people = useQuery(everyoneQuery);
  const { create, remove } = useComment(entity, entityId);
  const [body, setBody] = useState("");
  const [mentioned, setMentioned] = useState<Person[]>([]);
  const [caret, setCaret] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const nameOf = (id: string) => people.data?.find((p) => p.id === id)?.name ?? "Someone";
  const mayWrite = session.person.role !== "viewer";

  const typing = mentionAt(body, caret);
  const suggestions = useMemo(() => {
    if (!typing) return [];
    const q = typing.query.toLowerCase();
    return (people.data ?? [])
      .filter((p) => p.active && p.id !== session.person.id && p.name.toLowerCase().includes(q))
      .slice(0, 6);
  }, [typing, people.data, session.person.id]);

  function pick(person: Person) {
    if (!typing) return;
    const next = `${body.slice(0, typing.start)}@${person.name} ${body.slice(caret)}`;
    setBody(next);
    setMentioned((all) => (all.some((p) => p.id === person.id) ? all : [...all, person]));
    const at = typing.start + person.name.length + 2;
    setCaret(at);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(at, at);
    });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const mentions = mentioned.filter((p) => body.includes(`@${p.name}`)).map((p) => p.id);
    create.mutate(
      { body, mentions },
      {
        onSuccess: () => {
          setBody("");
          setMentioned([]);
        },
      },
    );
  }

  return (
    <div className="comments">
      {thread.data && thread.data.length > 0 ? (
        <ol className="comment-list">
          {thread.data.map((c) => (
            <li key={c.id} className="comment">
              <span className="avatar avatar-small" aria-hidden="true">
                {initials(nameOf(c.authorId))}
              </span>
              <div className="comment-main">
                <p className="comment-head">
                  <span className="strong">{nameOf(c.authorId)}</span>
                  <span className="muted small">{formatInstant(c.createdAt)}</span>
                  {c.authorId === session.person.id || session.person.role === "admin" ? (
                    <button type="button" className="link-button small" onClick={() => remove.mutate(c.id)}>
                      Remove
                    </button>
                  ) : null}
                </p>
                <Body text={c.body} names={c.mentions.map(nameOf)} />
              </div>
            </li>
          ))}
        </ol>
      ) : thread.isSuccess ? (
        <p className="muted small">No comments yet.</p>
      ) : null}
      {mayWrite && plan.status !== "archived" ? (
        <form className="comment-form" onSubmit={submit}>
          <label className="visually-hidden" htmlFor={`comment-${entityId}`}>
            Add a comment
          </label>
          <div className="mention-wrap">
            <textarea
              ref={box}
              id={`comment-${entityId}`}
              className="input"
              rows={2}
              placeholder="Add a comment; type @ to mention someone"
              value={body}
              onChange={(e) => {
                setBody(e.target.value);
                setCaret(e.target.selectionStart);
              }}
              onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
              onKeyDown={(e) => {
                const first = suggestions[0];
                if ((e.key === "Enter" || e.key === "Tab") && first && typing) {
                  e.preventDefault();
                  pick(first);
                }
              }}
            />
            {suggestions.length > 0 ? (
              <ul className="mention-menu" role="listbox" aria-label="People to mention">
                {suggestions.map((p) => (
                  <li key={p.id} role="option" aria-selected={false}>
                    <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => pick(p)}>
                      {p.name}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          {create.error ? (
            <p className="form-error" role="alert">
              {errorMessage(create.error)}
            </p>
          ) : null}
          <div className="comment-actions">
            <button type="submit" className="button button-small" disabled={!body.trim() || create.isPending}>
              Comment
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
