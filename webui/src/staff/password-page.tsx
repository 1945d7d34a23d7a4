import { useState } from 'preact/hooks';
import { Field } from '../pages/field.tsx';
import { Outcome } from './outcome.tsx';
import { type Refusal, refusal } from './refusal.ts';
import { staffCall } from './staff-call.ts';
import type { PlacePageProps } from './staff-page-props.ts';

/** Everyone's own password: the current one, then the new one; afterwards every session ends, this one too. */
export function PasswordPage({ t, errors, language }: PlacePageProps) {
  const p = t.password;
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [refused, setRefused] = useState<Refusal | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const r = await staffCall('PUT', '/api/staff/my-password', { currentPassword, newPassword });
    if (r.ok) {
      location.assign('/staff?password=changed');
      return;
    }
    setRefused(refusal(r.error, language, errors, t.failed));
  };
  return (
    <>
      <h1>{p.heading}</h1>
      <p>{p.intro}</p>
      <form noValidate class="panel" onSubmit={(e) => void submit(e)}>
        <Field
          id="current-password"
          label={p.current}
          error={refused?.at('currentPassword')}
          input={{ type: 'password', autocomplete: 'current-password', value: currentPassword, onInput: (e) => setCurrent((e.target as HTMLInputElement).value) }}
        />
        <Field
          id="new-password"
          label={p.next}
          error={refused?.at('newPassword')}
          input={{ type: 'password', autocomplete: 'new-password', value: newPassword, onInput: (e) => setNew((e.target as HTMLInputElement).value) }}
        />
        <button type="submit" class="primary">
          {p.submit}
        </button>
      </form>
      <Outcome message={refused ? { ok: false, text: refused.text } : null} />
    </>
  );
}
