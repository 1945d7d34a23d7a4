import { useEffect, useState } from 'preact/hooks';
import type { Language, LocalizedText } from '../../../shared/config/localized.ts';
import { call } from '../api.ts';
import { applyLanguage, initialLanguage } from '../language.ts';
import { texts } from '../texts.ts';
import { TopBar } from '../top-bar.tsx';

interface ListedOffice {
  id: string;
  name: LocalizedText;
  path: string;
}

/** The hub's first page (docs/HUB.md): the offices it books for; each leads to that office's booking pages. */
export function OfficesPage() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [offices, setOffices] = useState<ListedOffice[] | null | 'failed'>(null);
  const t = texts[language];
  useEffect(() => applyLanguage(language), [language]);
  useEffect(() => {
    void call<{ offices: ListedOffice[] }>('GET', '/api/offices').then((r) => setOffices(r.ok ? r.data.offices : 'failed'));
  }, []);
  return (
    <>
      <TopBar language={language} setLanguage={setLanguage} switchTo={t.switchTo}>
        <span class="office">{t.title}</span>
      </TopBar>
      <main id="main">
        <h1>{t.officesTitle}</h1>
        {offices === null ? <p role="status">{t.loading}</p> : null}
        {offices === 'failed' ? <p role="alert">{t.errors.network}</p> : null}
        {Array.isArray(offices) ? (
          <>
            <p>{t.officesIntro}</p>
            <ul class="offices">
              {offices.map((o) => (
                <li key={o.id}>
                  <a href={`${o.path}/`}>{o.name[language]}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </main>
    </>
  );
}
