import type { ComponentChild, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../../shared/config/localized.ts';
import type { OfficeInfo } from '../../../shared/contract/booking-api.ts';
import type { StaffSession } from '../../../shared/contract/staff-api.ts';
import { call } from '../api.ts';
import { applyLanguage, initialLanguage } from '../language.ts';
import { onSite, sitePath } from '../site-base.ts';
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
import type { PlacePageProps, StaffPageProps } from './staff-page-props.ts';
import { type StaffTexts, staffTexts } from './staff-texts.ts';
import { StatisticsPage } from './statistics-page.tsx';
import { WorkstationPage } from './workstation-page.tsx';
import './staff.css';

type Pages<P> = Record<string, { key: keyof StaffTexts['nav']; page: ComponentType<P>; admin?: true }>;

/** An office server's pages: the office's own tools. */
const officePages: Pages<StaffPageProps> = {
  '/staff': { key: 'dashboard', page: DashboardPage },
  '/staff/counter': { key: 'workstation', page: WorkstationPage },
  '/staff/bookings': { key: 'bookings', page: BookingsPage },
  '/staff/statistics': { key: 'statistics', page: StatisticsPage },
  '/staff/settings': { key: 'settings', page: SettingsPage, admin: true },
  '/staff/devices': { key: 'devices', page: DevicesPage, admin: true },
  '/staff/accounts': { key: 'accounts', page: AccountsPage, admin: true },
  '/staff/password': { key: 'password', page: PasswordPage },
};

/** An office's pages at the hub (docs/HUB.md): its bookings made there and its reported statistics; the queue is at the office. */
const hubOfficePages: Pages<StaffPageProps> = {
  '/staff': { key: 'bookings', page: BookingsPage },
  '/staff/statistics': { key: 'statistics', page: StatisticsPage },
  '/staff/accounts': { key: 'accounts', page: AccountsPage, admin: true },
  '/staff/password': { key: 'password', page: PasswordPage },
};

/** The region's pages at the hub's root: the offices compared, and the region's own accounts. */
const regionPages: Pages<PlacePageProps> = {
  '/staff': { key: 'statistics', page: StatisticsPage },
  '/staff/accounts': { key: 'accounts', page: AccountsPage, admin: true },
  '/staff/password': { key: 'password', page: PasswordPage },
};

/** The staff pages of a place at the hub: the region's at the root, an office's under its prefix. */
const placeUrl = (officeId: string | null) => (officeId === null ? '/staff' : `/o/${officeId}/staff`);

/**
 * The staff pages (`/staff…`, at the hub also under each office's prefix): a login, then the place's
 * own tools; the administrator's only for administrators.
 */
export function StaffApp() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [session, setSession] = useState<StaffSession | null | 'none'>(null);
  // undefined while loading; null where no office is (the hub's region pages).
  const [info, setInfo] = useState<OfficeInfo | null | undefined>(undefined);
  const [path, setPath] = useState(sitePath());
  const t = staffTexts[language];

  useEffect(() => applyLanguage(language), [language]);
  useEffect(() => {
    whenLoggedOut(() => setSession('none'));
    void staffCall<StaffSession>('GET', '/api/staff/session').then((r) => setSession(r.ok ? r.data : 'none'));
    void call<OfficeInfo>('GET', '/api/office').then((r) => setInfo(r.ok ? r.data : null));
    const back = () => setPath(sitePath());
    addEventListener('popstate', back);
    return () => removeEventListener('popstate', back);
  }, []);
  useEffect(() => {
    if (!session || session === 'none') return;
    setCsrfToken(session.csrfToken);
    // An office's staff logged in at the region's pages work at their office's.
    if (session.hub && session.hub.here === null && session.hub.officeId !== null) location.replace(placeUrl(session.hub.officeId));
  }, [session]);

  const go = (to: string) => (event: Event) => {
    event.preventDefault();
    history.pushState(null, '', onSite(to));
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
  const alone = (content: ComponentChild) => (
    <>
      {header}
      <main>{content}</main>
    </>
  );
  if (session === null || info === undefined) return alone(<p role="status">{t.loading}</p>);
  if (session === 'none') return alone(<LoginPage t={t} errors={texts[language].errors} onLogin={setSession} />);

  const isAdmin = session.account.role === 'admin';
  const common = { t, errors: texts[language].errors, language, session, setSession };
  const place = <P extends object>(pages: Pages<P>, props: P) => {
    const current = pages[path] ?? pages['/staff']!;
    const Page = current.admin && !isAdmin ? pages['/staff']!.page : current.page;
    return (
      <div class="staff">
        {header}
        <nav class="staff-nav" aria-label={t.title}>
          {session.hub ? (
            <label class="place">
              {t.hub.place}{' '}
              <select value={session.hub.here ?? ''} onChange={(e) => location.assign(placeUrl((e.target as HTMLSelectElement).value || null))}>
                {session.hub.officeId === null ? <option value="">{t.hub.region}</option> : null}
                {session.hub.offices.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name[language]}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <ul>
            {Object.entries(pages)
              .filter(([, p]) => !p.admin || isAdmin)
              .map(([to, p]) => (
                <li key={to}>
                  <a href={onSite(to)} onClick={go(to)} aria-current={p === current ? 'page' : undefined}>
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
          <Page {...props} />
        </main>
      </div>
    );
  };
  // An office server that did not say what office it is: nothing to show but that.
  if (info === null) return session.hub ? place(regionPages, { ...common, info }) : alone(<p role="alert">{texts[language].errors.network}</p>);
  return place(session.hub ? hubOfficePages : officePages, { ...common, info });
}
