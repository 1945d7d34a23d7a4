import type { InputHTMLAttributes } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  input: InputHTMLAttributes<HTMLInputElement>;
}

/** A labelled input whose error is tied to it (aria-describedby) so a screen reader reads both. */
export function Field({ id, label, error, input }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} name={id} aria-invalid={error ? 'true' : 'false'} aria-describedby={error ? `${id}-error` : undefined} {...input} />
      {error ? (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
