import type { ComponentChildren } from 'preact';
import type { Language } from '../../shared/config/localized.ts';

/** The bar above a page: what the page is (`children`), and the switch to the other language, named in that language. */
export function TopBar({ children, language, setLanguage, switchTo }: { children: ComponentChildren; language: Language; setLanguage: (l: Language) => void; switchTo: string }) {
  const other: Language = language === 'cs' ? 'en' : 'cs';
  return (
    <header class="top">
      {children}
      <button type="button" class="link" lang={other} onClick={() => setLanguage(other)}>
        {switchTo}
      </button>
    </header>
  );
}
