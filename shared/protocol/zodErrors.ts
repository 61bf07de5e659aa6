/**
 * One way to write a zod error as text, for logs and the `detail` of refusals: each issue as
 * `path: message` (`(root)` for the value itself), the first few only, each cut to a bounded
 * length. Clients choose the keys and values that appear in paths and messages, so the text must
 * stay short whatever they send; and it is the same for the same mistake, so logs can be grouped.
 */
import type { z } from 'zod';

/** Characters kept of one issue. */
const MAX_ISSUE_CHARS = 120;

export interface ZodErrorFormat {
  /** Issues written out (default 3); the rest are counted. */
  maxIssues?: number;
  /** Between issues (default '; '). */
  separator?: string;
}

export function formatZodError(error: Pick<z.ZodError, 'issues'>, { maxIssues = 3, separator = '; ' }: ZodErrorFormat = {}): string {
  const issues = error.issues;
  const shown = issues.slice(0, maxIssues).map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    const text = `${path}: ${issue.message}`;
    return text.length > MAX_ISSUE_CHARS ? `${text.slice(0, MAX_ISSUE_CHARS - 1)}…` : text;
  });
  const more = issues.length - shown.length;
  if (more > 0) shown.push(`${more} more`);
  return shown.join(separator);
}
