import type { z } from 'zod';
import type { FieldIssue } from '../contract/booking-api.ts';
import { accepted, type Refusal, type Result, refused } from '../contract/result.ts';
import { fieldIssues } from '../texts/issue-texts.ts';
import { type OfficeConfig, officeConfigSchema } from './schema.ts';

/** `errors` as `path: message`; `issues`: the same problems at their fields, in both languages, for the settings page. */
export type Validated<T> = Result<T, Refusal<'invalidRequest'> & { errors: string[]; issues: FieldIssue[] }>;

/** Formats every issue as `path: message`, the form STYLE.md asks of configuration errors. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}

export function validateOfficeConfig(input: unknown): Validated<OfficeConfig> {
  const result = officeConfigSchema.safeParse(input);
  return result.success ? accepted(result.data) : refused('invalidRequest', undefined, { errors: formatIssues(result.error), issues: fieldIssues(result.error.issues) });
}
