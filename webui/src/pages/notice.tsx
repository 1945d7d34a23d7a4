import type { PageProps } from '../page-props.ts';

/** The seed's crisis notice: booking is off, with each workplace's phone and e-mail. */
export function Notice({ t, language, info }: PageProps) {
  const s = info.suspension!;
  return (
    <section class="notice" aria-labelledby="notice-title">
      {/* Only some workplaces off: the headline says which, so the services still bookable below are not taken for off too. */}
      <h2 id="notice-title">{s.workplaceIds === null ? t.suspendedTitle : t.suspendedSomeTitle(s.contacts.map((c) => c.name[language]).join(', '))}</h2>
      <p>{s.notice[language]}</p>
      <h3>{t.contacts}</h3>
      <ul>
        {s.contacts.map((c) => (
          <li key={c.workplaceId}>
            {c.name[language]}: {t.phone} <a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a>, {t.email} <a href={`mailto:${c.email}`}>{c.email}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
