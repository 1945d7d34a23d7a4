import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../shared/config/localized.ts';
import type { OfficeInfo } from '../../shared/contract/booking-api.ts';
import { call } from './api.ts';
import { applyLanguage, initialLanguage } from './language.ts';
import { BookingPage } from './pages/booking-page.tsx';
import { CancelPage } from './pages/cancel-page.tsx';
import { ConfirmPage } from './pages/confirm-page.tsx';
import { Notice } from './pages/notice.tsx';
import { StatusPage } from './pages/status-page.tsx';
import { TicketPage } from './pages/ticket-page.tsx';
import { onSite, sitePath } from './site-base.ts';
import { texts } from './texts.ts';
import { TopBar } from './top-bar.tsx';

export function App() {
  if (location.pathname === '/hall') return <Lazy load={() => import('./hall/hall-page.tsx').then((m) => m.HallPage)} />;
  // At the hub also under each office's prefix (an office's staff pages there).
  if (sitePath() === '/staff' || sitePath().startsWith('/staff/')) return <Lazy load={() => import('./staff/staff-app.tsx').then((m) => m.StaffApp)} />;
  if (location.pathname === '/virtual') return <Lazy load={() => import('./virtual/virtual-page.tsx').then((m) => m.VirtualPage)} />;
  // The hub's first page: its offices (an office server has no /o/).
  if (location.pathname === '/o/' || location.pathname === '/o') return <Lazy load={() => import('./pages/offices-page.tsx').then((m) => m.OfficesPage)} />;
  return <BookingSite />;
}

/** The hall screen, the virtual office and the staff pages are chunks of their own: the booking page carries none of them. */
function Lazy({ load }: { load: () => Promise<ComponentType> }) {
  const [Page, setPage] = useState<ComponentType | null>(null);
  useEffect(() => {
    void load().then((page) => setPage(() => page));
  }, []);
  return Page ? <Page /> : null;
}

function BookingSite() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [info, setInfo] = useState<OfficeInfo | null | 'failed'>(null);
  const t = texts[language];
  useEffect(() => applyLanguage(language), [language]);
  useEffect(() => {
    void call<OfficeInfo>('GET', '/api/office').then((r) => setInfo(r.ok ? r.data : 'failed'));
  }, []);
  const path = sitePath();
  const confirmToken = /^\/confirm\/([A-Za-z0-9_-]+)$/.exec(path)?.[1];
  const ticketToken = /^\/t\/([A-Za-z0-9_-]+)$/.exec(path)?.[1];
  const page = () => {
    if (info === null) return <p role="status">{t.loading}</p>;
    if (info === 'failed') return <p role="alert">{t.errors.network}</p>;
    const props = { t, language, info };
    if (path === '/' || path === '/index.html') return <BookingPage {...props} />;
    if (confirmToken) return <ConfirmPage {...props} token={confirmToken} />;
    if (path === '/cancel') return <CancelPage {...props} />;
    if (path === '/status') return <StatusPage {...props} />;
    if (ticketToken) return <TicketPage {...props} token={ticketToken} />;
    return <p>{t.notFoundPage}</p>;
  };
  return (
    <>
      <TopBar language={language} setLanguage={setLanguage} switchTo={t.switchTo}>
        <a class="office" href={onSite('/')}>
          {info && info !== 'failed' ? info.name[language] : 'Fronta'}
        </a>
      </TopBar>
      <main id="main">
        {info && info !== 'failed' && info.suspension ? <Notice t={t} language={language} info={info} /> : null}
        {info && info !== 'failed' && info.bookOnlineAt ? (
          <section class="notice">
            <h2>{t.errors.bookOnlineElsewhere}</h2>
            <p>
              <a href={info.bookOnlineAt}>{t.bookOnlineAtLink}</a>
            </p>
          </section>
        ) : null}
        {info && info !== 'failed' && !info.mailReady ? (
          <section class="notice">
            <h2>{t.errors.mailNotConfigured}</h2>
          </section>
        ) : null}
        {page()}
      </main>
    </>
  );
}
