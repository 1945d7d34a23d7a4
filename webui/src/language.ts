import type { Language } from '../../shared/config/localized.ts';

/** Czech unless the address says ?lang=en or the visitor switched before. */
export function initialLanguage(): Language {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('fronta-lang');
  return asked === 'en' ? 'en' : 'cs';
}

/** Remembers the choice and tells assistive technology which language the page is in. */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  localStorage.setItem('fronta-lang', language);
}
