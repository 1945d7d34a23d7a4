import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../shared/config/localized.ts';
import type { OfficeInfo } from '../../shared/contract/booking-api.ts';
import { call } from './api.ts';
import { BookingPage } from './pages/booking-page.tsx';
import { CancelPage } from './pages/cancel-page.tsx';
import { ConfirmPage } from './pages/confirm-page.tsx';
import { Notice } from './pages/notice.tsx';
import { StatusPage } from './pages/status-page.tsx';
import { TicketPage } from './pages/ticket-page.tsx';
import { texts, type Texts } from './texts.ts';

export interface PageProps { t: Texts; language: Language; info: OfficeInfo }

/** Czech unless the address says ?lang=en or the visitor switched before. */
function initialLanguage(): Language {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('fronta-lang');
  return asked === 'en' ? 'en' : 'cs';
}

export function App() {
  return location.pathname === '/hall' ? <HallScreen /> : <BookingSite />;
}

/** The hall screen is its own chunk, loaded only there: the booking page does not carry MQTT. */
function HallScreen() {
  const [Page, setPage] = useState<ComponentType | null>(null);
  useEffect(() => {
    void import('./hall/hall-page.tsx').then((m) => setPage(() => m.HallPage));
  }, []);
  return Page ? <Page /> : null;
}

function BookingSite() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [info, setInfo] = useState<OfficeInfo | null | 'failed'>(null);
  const t = texts[language];
  useEffect(() => {
    document.documentElement.lang = language;
    localStorage.setItem('fronta-lang', language);
  }, [language]);
  useEffect(() => {
    void call<OfficeInfo>('GET', '/api/office').then((r) => setInfo(r.ok ? r.data : 'failed'));
  }, []);
  const path = location.pathname;
  const confirmToken = /^\/confirm\/([A-Za-z0-9_-]+)$/.exec(path)?.[1];
  const ticketToken = /^\/t\/([A-Za-z0-9_-]+)$/.exec(path)?.[1];
  const other: Language = language === 'cs' ? 'en' : 'cs';
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
      <header class="top">
        <a class="office" href="/">{info && info !== 'failed' ? info.name[language] : 'Fronta'}</a>
        <button type="button" class="link" lang={other} onClick={() => setLanguage(other)}>
          {t.switchTo}
        </button>
      </header>
      <main id="main">
        {info && info !== 'failed' && info.suspension ? <Notice t={t} language={language} info={info} /> : null}
        {page()}
      </main>
    </>
  );
}
