import type { Language, LocalizedText } from '../config/localized.ts';
import { plural } from './plural.ts';

/**
 * What is wrong with a field, in the words of the person who filled it in. The schemas give their
 * own checks these English texts as messages (so an API user reads the same), and the server
 * answers every problem in both languages (issueText), so no page shows a parser's English.
 */
export const fieldProblems = {
  day: { cs: 'zadejte den ve tvaru RRRR-MM-DD', en: 'expected YYYY-MM-DD' },
  email: { cs: 'zadejte platnou e-mailovou adresu', en: 'enter a valid e-mail address' },
  name: { cs: 'zadejte jméno a příjmení', en: 'enter your name' },
  typedLine: { cs: 'bez řídicích znaků a zalomení řádků', en: 'control characters and line breaks are not allowed' },
  phone: { cs: 'zadejte telefonní číslo o 9 až 15 číslicích', en: 'enter a phone number of 9 to 15 digits' },
  smsPhone: { cs: 'pro SMS zadejte číslo mobilního telefonu', en: 'for text messages, enter a mobile phone number' },
  username: { cs: '2 až 40 znaků: malá písmena bez diakritiky, číslice, tečka, pomlčka, podtržítko', en: 'expected 2-40 characters: a-z, 0-9, dot, dash, underscore' },
  password: { cs: 'alespoň 12 znaků', en: 'at least 12 characters' },
  letter: { cs: 'jedno velké písmeno A–Z', en: 'expected one capital letter A-Z' },
  clockTime: { cs: 'zadejte čas ve tvaru HH:MM (0–23 h)', en: 'expected HH:MM (24-hour)' },
  id: { cs: 'malá písmena bez diakritiky, číslice a pomlčky, nejvýše 40 znaků', en: 'expected a lowercase id: letters, digits and dashes' },
  bookingCode: { cs: 'zadejte osmimístný identifikační kód', en: 'expected the 8-digit booking code' },
  hoursOrder: { cs: 'začátek musí být před koncem', en: '"from" must be before "to"' },
  hoursOverlap: { cs: 'úseky musí jít po sobě a nesmí se překrývat', en: 'intervals must be in order and must not overlap' },
} satisfies Record<string, LocalizedText>;

/** One field's problem, by its path in the body, worded in both languages: what an invalidRequest carries. */
export interface FieldIssue {
  path: (string | number)[];
  message: LocalizedText;
}

/** The parts of a schema problem the wording needs (a zod issue has them). */
export interface Problem {
  code: string;
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  keys?: string[];
}

const count = (language: Language, n: number | bigint | undefined, forms: { cs: [string, string, string]; en: [string, string] }) =>
  language === 'cs' ? plural('cs', Number(n), { one: forms.cs[0], few: forms.cs[1], other: forms.cs[2] }) : plural('en', Number(n), { one: forms.en[0], other: forms.en[1] });

/** A problem in `language`: our own checks by their message, the parser's own by their kind. */
export function issueText(problem: Problem, language: Language): string {
  const own = Object.values(fieldProblems).find((p) => p.en === problem.message);
  if (own) return own[language];
  const text = problem.origin === 'string';
  switch (problem.code) {
    case 'too_small':
      return text
        ? Number(problem.minimum) <= 1
          ? { cs: 'vyplňte toto pole', en: 'fill in this field' }[language]
          : count(language, problem.minimum, { cs: ['alespoň {n} znak', 'alespoň {n} znaky', 'alespoň {n} znaků'], en: ['at least {n} character', 'at least {n} characters'] })
        : { cs: `nejméně ${problem.minimum}`, en: `at least ${problem.minimum}` }[language];
    case 'too_big':
      return text
        ? count(language, problem.maximum, { cs: ['nejvýše {n} znak', 'nejvýše {n} znaky', 'nejvýše {n} znaků'], en: ['at most {n} character', 'at most {n} characters'] })
        : { cs: `nejvýše ${problem.maximum}`, en: `at most ${problem.maximum}` }[language];
    case 'invalid_type':
      return { cs: 'vyplňte toto pole správně', en: 'fill in this field correctly' }[language];
    case 'invalid_format':
      return problem.format === 'email' ? fieldProblems.email[language] : { cs: 'hodnota nemá správný tvar', en: 'the value is not in the right form' }[language];
    case 'invalid_value':
      return { cs: 'vyberte jednu z nabízených možností', en: 'choose one of the options offered' }[language];
    case 'unrecognized_keys':
      return { cs: `neznámé položky: ${problem.keys?.join(', ')}`, en: `unknown fields: ${problem.keys?.join(', ')}` }[language];
    default:
      // A configuration check of our own (references between parts) says what it found in English only.
      return language === 'cs' ? `neplatná hodnota (${problem.message})` : problem.message;
  }
}

/** Every problem of a body at its field, in both languages: what the server answers with invalidRequest. */
export function fieldIssues(problems: readonly { path: readonly PropertyKey[]; code: string; message: string }[]): FieldIssue[] {
  return problems.map((problem) => ({
    path: problem.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: { cs: issueText(problem as Problem, 'cs'), en: issueText(problem as Problem, 'en') },
  }));
}
