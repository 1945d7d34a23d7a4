import { useEffect, useState } from 'preact/hooks';
import type { StaffAccount, StaffRole } from '../../../shared/contract/staff-api.ts';
import { Field } from '../pages/field.tsx';
import { DataTable } from './data-table.tsx';
import { Outcome } from './outcome.tsx';
import { type Refusal, refusal } from './refusal.ts';
import { staffCall } from './staff-call.ts';
import type { PlacePageProps } from './staff-page-props.ts';

type ListedAccount = StaffAccount & { slowed: boolean; disabled: boolean };

/** The office's staff accounts, for administrators: add one with its role, remove one, unblock a slowed login. */
export function AccountsPage({ t, errors, language, session }: PlacePageProps) {
  const a = t.accounts;
  const [accounts, setAccounts] = useState<ListedAccount[]>([]);
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('clerk');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [refused, setRefused] = useState<Refusal | null>(null);
  const [resetFor, setResetFor] = useState('');
  const [resetPassword, setResetPassword] = useState('');
  const load = async () => {
    const r = await staffCall<{ accounts: ListedAccount[] }>('GET', '/api/staff/accounts');
    if (r.ok) setAccounts(r.data.accounts);
  };
  useEffect(() => void load(), []);
  const report = (r: Awaited<ReturnType<typeof staffCall>>) => {
    const why = r.ok ? null : refusal(r.error, language, errors, t.failed);
    setRefused(why);
    setMessage(why ? { ok: false, text: why.text } : { ok: true, text: t.saved });
  };
  const add = async (event: Event) => {
    event.preventDefault();
    const r = await staffCall('POST', '/api/staff/accounts', { username, name, role, password });
    report(r);
    if (r.ok) {
      setUsername('');
      setName('');
      setPassword('');
      await load();
    }
  };
  // A colleague who forgot theirs: the administrator sets a new one and tells it in person; their sessions end.
  const reset = async (event: Event) => {
    event.preventDefault();
    const r = await staffCall('PUT', `/api/staff/accounts/${encodeURIComponent(resetFor)}/password`, { newPassword: resetPassword });
    report(r);
    if (r.ok) setResetPassword('');
  };
  const others = accounts.filter((account) => account.username !== session.account.username);
  const unlock = async (account: StaffAccount) => {
    report(await staffCall('DELETE', `/api/staff/accounts/${account.username}/lock`));
    await load();
  };
  // A colleague's role, or their account switched off (a leave, a departure) without losing its records.
  const change = async (account: StaffAccount, body: { role?: StaffRole; disabled?: boolean }) => {
    report(await staffCall('PATCH', `/api/staff/accounts/${account.username}`, body));
    await load();
  };
  const remove = async (account: StaffAccount) => {
    if (!confirm(a.removeConfirm(account.name))) return;
    report(await staffCall('DELETE', `/api/staff/accounts/${account.username}`));
    await load();
  };
  return (
    <>
      <h1>{a.heading}</h1>
      <DataTable
        rows={accounts}
        rowKey={(account) => account.username}
        columns={[
          { heading: a.username, cell: (account) => account.username },
          { heading: a.name, cell: (account) => account.name },
          {
            heading: a.role,
            cell: (account) => (
              <>
                {account.username === session.account.username ? (
                  a.roles[account.role]
                ) : (
                  <select aria-label={a.roleOf(account.name)} value={account.role} onChange={(e) => void change(account, { role: (e.target as HTMLSelectElement).value as StaffRole })}>
                    <option value="clerk">{a.roles.clerk}</option>
                    <option value="admin">{a.roles.admin}</option>
                  </select>
                )}
                {account.disabled ? (
                  <>
                    {' '}
                    <strong>{a.disabled}</strong>
                  </>
                ) : null}
                {account.slowed ? (
                  <>
                    {' '}
                    <strong>{a.slowed}</strong>{' '}
                    <button type="button" onClick={() => void unlock(account)} aria-label={`${a.unlock}: ${account.name}`}>
                      {a.unlock}
                    </button>
                  </>
                ) : null}
              </>
            ),
          },
          {
            heading: <span class="visually-hidden">{a.disable}</span>,
            cell: (account) =>
              account.username === session.account.username ? null : (
                <button type="button" onClick={() => void change(account, { disabled: !account.disabled })} aria-label={`${account.disabled ? a.enable : a.disable}: ${account.name}`}>
                  {account.disabled ? a.enable : a.disable}
                </button>
              ),
          },
          {
            heading: <span class="visually-hidden">{a.remove}</span>,
            cell: (account) =>
              account.username === session.account.username ? null : (
                <button type="button" onClick={() => void remove(account)} aria-label={`${a.remove}: ${account.name}`}>
                  {a.remove}
                </button>
              ),
          },
        ]}
      />
      <form noValidate onSubmit={(e) => void add(e)} class="panel">
        <h2>{a.add}</h2>
        <Field
          id="new-username"
          label={a.username}
          error={refused?.at('username')}
          input={{ value: username, required: true, autocomplete: 'off', onInput: (e) => setUsername((e.target as HTMLInputElement).value) }}
        />
        <Field id="new-name" label={a.name} error={refused?.at('name')} input={{ value: name, required: true, onInput: (e) => setName((e.target as HTMLInputElement).value) }} />
        <div class="field">
          <label for="new-role">{a.role}</label>
          <select id="new-role" value={role} onChange={(e) => setRole((e.target as HTMLSelectElement).value as StaffRole)}>
            <option value="clerk">{a.roles.clerk}</option>
            <option value="admin">{a.roles.admin}</option>
          </select>
        </div>
        <Field
          id="new-password"
          label={a.password}
          error={refused?.at('password')}
          input={{ type: 'password', value: password, required: true, minLength: 12, autocomplete: 'new-password', onInput: (e) => setPassword((e.target as HTMLInputElement).value) }}
        />
        <button type="submit" class="primary">
          {a.add}
        </button>
      </form>
      <form noValidate onSubmit={(e) => void reset(e)} class="panel">
        <h2>{a.resetHeading}</h2>
        <p>{a.resetHint}</p>
        <div class="field">
          <label for="reset-account">{a.resetAccount}</label>
          <select id="reset-account" value={resetFor} onChange={(e) => setResetFor((e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            {others.map((account) => (
              <option key={account.username} value={account.username}>
                {account.name} ({account.username})
              </option>
            ))}
          </select>
        </div>
        <Field
          id="reset-password"
          label={a.password}
          error={refused?.at('newPassword')}
          input={{ type: 'password', value: resetPassword, autocomplete: 'new-password', onInput: (e) => setResetPassword((e.target as HTMLInputElement).value) }}
        />
        <button type="submit" class="primary" disabled={resetFor === ''}>
          {a.resetSubmit}
        </button>
      </form>
      <Outcome message={message} />
    </>
  );
}
