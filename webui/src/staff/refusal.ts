import type { Language } from '../../../shared/config/localized.ts';
import type { FieldIssue } from '../../../shared/contract/booking-api.ts';
import type { ApiResult } from '../api.ts';
import { tied } from '../texts.ts';

type Failure = Extract<ApiResult<unknown>, { ok: false }>['error'];

/** A refused change as the staff pages show it: one line for the form, and each field's own problem beside it. */
export interface Refusal {
  text: string;
  /** The problem of the field at `path` (or inside it), in the page's language. */
  at(...path: (string | number)[]): string | undefined;
}

/** A refusal's code in the page's words (the booking site's, which the staff pages share); the code itself if it has none. */
export const refusalText = (error: Failure, words: Record<string, string>): string => words[error.code] ?? error.code;

/**
 * Never the server's English detail: a refusal is worded by its code, and a body the server could
 * not accept by the problems it names at each field, in the page's language.
 */
export function refusal(error: Failure, language: Language, words: Record<string, string>, failed: string): Refusal {
  const issues: FieldIssue[] = 'issues' in error ? (error.issues ?? []) : [];
  // The server's Czech is tied like the page's own (one-letter words kept with the next).
  const worded = (issue: FieldIssue) => (language === 'cs' ? tied(issue.message.cs) : issue.message.en);
  const text = issues.length > 0 ? issues.map(worded).join('; ') : refusalText(error, words);
  return {
    text: `${failed} ${text}`,
    at: (...path) => {
      const issue = issues.find((i) => path.every((p, k) => i.path[k] === p));
      return issue && worded(issue);
    },
  };
}
