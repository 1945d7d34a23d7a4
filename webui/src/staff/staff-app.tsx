import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../../shared/config/localized.ts';
import type { OfficeInfo } from '../../../shared/contract/booking-api.ts';
import type { StaffSession } from '../../../shared/contract/staff-api.ts';
import { call } from '../api.ts';
import { applyLanguage, initialLanguage } from '../language.ts';
import { texts } from '../texts.ts';
import { TopBar } from '../top-bar.tsx';
import { AccountsPage } from './accounts-page.tsx';
import { BookingsPage } from './bookings-page.tsx';
import { DashboardPage } from './dashboard-page.tsx';
import { DevicesPage } from './devices-page.tsx';
import { LoginPage } from './login-page.tsx';
import { PasswordPage } from './password-page.tsx';
import { SettingsPage } from './settings-page.tsx';
import { setCsrfToken, staffCall, whenLoggedOut } from './staff-call.ts';
import type { StaffPageProps } from './staff-page-props.ts';
import { type StaffTexts, staffTexts } from './staff-texts.ts';
import { StatisticsPage } from './statistics-page.tsx';
import { WorkstationPage } from './workstation-page.tsx';
import './staff.css';

const pages: Record<string, { key: keyof StaffTexts['nav']; page: ComponentType<StaffPageProps>; admin?: true }> = {
  '/staff': { key: 'dashboard', page: DashboardPage },
  '/staff/counter': { key: 'workstation', page: WorkstationPage },
  '/staff/bookings': { key: 'bookings', page: BookingsPage },
  '/staff/statistics': { key: 'statistics', page: StatisticsPage },
  '/staff/settings': { key: 'settings', page: SettingsPage, admin: true },
  '/staff/devices': { key: 'devices', page: DevicesPage, admin: true },
  '/staff/accounts': { key: 'accounts', page: AccountsPage, admin: true },
  '/staff/password': { key: 'password', page: PasswordPage },
};

/** The staff pages (`/staff…`): a login, then the office's own tools; the administrator's only for administrators. */
export function StaffApp() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [session, setSession] = useState<StaffSession | null | 'none'>(null);
  const [info, setInfo] = useState<OfficeInfo | null>(null);
  const [path, setPath] = useState(location.pathname);
  const t = staffTexts[language];

  useEffect(() => applyLanguage(language), [language]);
  useEffect(() => {
    whenLoggedOut(() => setSession('none'));
    void staffCall<StaffSession>('GET', '/api/staff/session').then((r) => setSession(r.ok ? r.data : 'none'));
    void call<OfficeInfo>('GET', '/api/office').then((r) => r.ok && setInfo(r.data));
    const back = () => setPath(location.pathname);
    addEventListener('popstate', back);
    return () => removeEventListener('popstate', back);
  }, []);
  useEffect(() => {
    if (session && session !== 'none') setCsrfToken(session.csrfToken);
  }, [session]);

  const go = (to: string) => (event: Event) => {
    event.preventDefault();
    history.pushState(null, '', to);
    setPath(to);
  };
  const logout = async () => {
    await staffCall('POST', '/api/staff/logout');
    setSession('none');
  };

  const header = (
    <TopBar language={language} setLanguage={setLanguage} switchTo={t.switchTo}>
      <span class="office">{t.title}</span>
    </TopBar>
  );
  if (session === null || !info)
    return (
      <>
        {header}
        <main>
          <p role="status">{t.loading}</p>
        </main>
      </>
    );
  if (session === 'none')
    return (
      <>
        {header}
        <main>
          <LoginPage t={t} errors={texts[language].errors} onLogin={setSession} />
        </main>
      </>
    );

  const isAdmin = session.account.role === 'admin';
  const current = pages[path] ?? pages['/staff']!;
  const Page = current.admin && !isAdmin ? pages['/staff']!.page : current.page;
  return (
    <div class="staff">
      {header}
      <nav class="staff-nav" aria-label={t.title}>
        <ul>
          {Object.entries(pages)
            .filter(([, p]) => !p.admin || isAdmin)
            .map(([to, p]) => (
              <li key={to}>
                <a href={to} onClick={go(to)} aria-current={p === current ? 'page' : undefined}>
                  {t.nav[p.key]}
                </a>
              </li>
            ))}
        </ul>
        <span class="who">{t.loggedInAs(session.account.name)}</span>
        <button type="button" onClick={() => void logout()}>
          {t.logout}
        </button>
      </nav>
      <main id="main">
        <Page t={t} errors={texts[language].errors} language={language} session={session} info={info} setSession={setSession} />
      </main>
    </div>
  );
}
