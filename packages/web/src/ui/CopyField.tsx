// A read-only value (a one-time link, a token secret) with a button that copies it.
import { useRef } from "react";
import { Field } from "./Field";
import { useToast } from "./Toast";

interface CopyFieldProps {
  label: string;
  value: string;
  copyLabel?: string;
  testId?: string;
}

export function CopyField({ label, value, copyLabel = "Copy", testId }: CopyFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const notify = useToast();

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      notify("Copied to the clipboard");
    } catch {
      // No clipboard permission (plain http, old browser): select the text so Ctrl+C works.
      input.current?.select();
      notify("Selected: press Ctrl+C (⌘C) to copy", "info");
    }
  }

  return (
    <Field label={label}>
      {(control) => (
        <div className="copy-field">
          <input
            {...control}
            ref={input}
            className="input mono"
            readOnly
            value={value}
            data-testid={testId}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button" onClick={copy}>
            {copyLabel}
          </button>
        </div>
      )}
    </Field>
  );
}
