import { useState } from 'preact/hooks';
import type { StaffSession } from '../../../shared/contract/staff-api.ts';
import { Field } from '../pages/field.tsx';
import { refusalText } from './refusal.ts';
import { staffCall } from './staff-call.ts';
import type { StaffTexts } from './staff-texts.ts';

export function LoginPage({ t, errors, onLogin }: { t: StaffTexts; errors: Record<string, string>; onLogin(session: StaffSession): void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await staffCall<StaffSession>('POST', '/api/staff/login', { username, password });
    if (result.ok) onLogin(result.data);
    // At the hub, an office's account at another office's pages: where to go instead.
    else setError(result.error.code === 'forbidden' ? t.hub.otherOffice : refusalText(result.error, errors));
  };
  return (
    <form noValidate onSubmit={(e) => void submit(e)} class="login">
      <h1>{t.login.heading}</h1>
      {new URLSearchParams(location.search).get('password') === 'changed' ? <p role="status">{t.password.changed}</p> : null}
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      <Field id="username" label={t.login.username} input={{ value: username, autocomplete: 'username', required: true, onInput: (e) => setUsername((e.target as HTMLInputElement).value) }} />
      <Field
        id="password"
        label={t.login.password}
        input={{ type: 'password', value: password, autocomplete: 'current-password', required: true, onInput: (e) => setPassword((e.target as HTMLInputElement).value) }}
      />
      <button type="submit" class="primary">
        {t.login.submit}
      </button>
    </form>
  );
}
