import type { InputHTMLAttributes } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  /** Worth knowing, but accepted: shown like an error, without marking the input invalid. */
  warning?: string | undefined;
  input: InputHTMLAttributes<HTMLInputElement>;
}

/** The form's errors listed at its top and announced at once (role="alert"). */
export function ErrorSummary({ heading, errors }: { heading: string; errors: (string | undefined)[] }) {
  const list = errors.filter((e): e is string => Boolean(e));
  if (list.length === 0) return null;
  return (
    <div role="alert" class="error">
      <p>{heading}</p>
      <ul>
        {list.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

/** A labelled input whose error is tied to it (aria-describedby) so a screen reader reads both. */
export function Field({ id, label, error, warning, input }: FieldProps) {
  const note = error ?? warning;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} name={id} aria-invalid={error ? 'true' : 'false'} aria-describedby={note ? `${id}-error` : undefined} {...input} />
      {note ? (
        <p class={error ? 'error' : 'warning'} id={`${id}-error`}>
          {note}
        </p>
      ) : null}
    </div>
  );
}
