/**
 * What stops the scenario from running, each problem as the field's name and the reason, in the
 * player's language: the editor's own check after every change, and what the server answered to
 * the last save, said the same way. A problem leads to its field.
 */
import { useT } from '../hooks';
import { Icon } from '../Icon';
import type { IssueText } from './issueText';

export function IssueList({
  issues,
  fromServer,
  onPick,
}: {
  issues: readonly IssueText[];
  fromServer: readonly IssueText[];
  onPick: (issue: IssueText) => void;
}) {
  const { t } = useT();
  const list = (items: readonly IssueText[], source: 'local' | 'server') => (
    <ul class="su-ed-issues" data-issues={source}>
      {items.map((issue, index) => (
        <li key={`${issue.path}-${index}`}>
          <button type="button" class="su-ed-issue" data-issue-path={issue.path} onClick={() => onPick(issue)}>
            <Icon name="warn" />
            <span>
              <strong class="su-ed-issue-field">{issue.field}</strong> <span class="su-ed-issue-reason">{issue.reason}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <section class="su-ed-check-panel" aria-live="polite">
      {issues.length === 0 ? (
        <p class="su-ed-ok" data-check="ok">
          <Icon name="check" />
          {t('ui.editor.check.ok')}
        </p>
      ) : (
        <>
          <p class="su-ed-bad" data-check="problems">
            <Icon name="warn" />
            {t('ui.editor.check.problems', { count: issues.length })}
          </p>
          {list(issues, 'local')}
        </>
      )}
      {fromServer.length > 0 && (
        <>
          <p class="su-ed-bad">{t('ui.editor.check.server')}</p>
          {list(fromServer, 'server')}
        </>
      )}
    </section>
  );
}
