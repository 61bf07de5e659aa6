/**
 * Saving the scenario as a file and on the server, and playing it. A game runs a scenario the
 * server has, so "Play solo" and "Run as workshop" need it saved there first, as it is now (a
 * change after saving needs saving again); the panel says so rather than leaving the buttons
 * dead. A saved scenario gets an id and a link that opens it in the editor.
 */
import { useState } from 'preact/hooks';
import { saveScenario, type SaveAnswer } from '../../net/scenarioApi';
import { uiState } from '../../state/uiState';
import { downloadText } from '../download';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import type { UiClient } from '../uiClient';
import { canonicalText } from './document';
import { closeEditor, EDITOR_PATH, workshopScenario, type Draft } from './editorState';

/** The server takes bodies of at most this many bytes. */
const MAX_BODY_BYTES = 64 * 1024;

export function ServerPanel({
  client,
  profile,
  draft,
  onDraft,
  problems,
  onServerIssues,
  onSaved,
}: {
  client: UiClient;
  profile: string | null;
  draft: Draft;
  onDraft: (next: Draft) => void;
  /** Problems the editor's own check finds: none before saving. */
  problems: number;
  onServerIssues: (issues: unknown[]) => void;
  onSaved: () => void;
}) {
  const { t } = useT();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<Exclude<SaveAnswer, { ok: true }>['error'] | null>(null);
  const [copied, setCopied] = useState(false);
  const text = canonicalText(draft.doc);
  const bytes = new TextEncoder().encode(JSON.stringify({ profile, scenario: draft.doc })).length;
  const tooLarge = bytes > MAX_BODY_BYTES;
  const current = draft.saved !== null && draft.saved.text === text ? draft.saved.id : null;
  const link = draft.saved === null ? null : `${location.origin}${EDITOR_PATH}?scenario=${encodeURIComponent(draft.saved.id)}`;

  const saveFile = () => {
    const id = typeof draft.doc.id === 'string' && draft.doc.id !== '' ? draft.doc.id : 'scenario';
    downloadText(`${id}.json`, text, 'application/json');
    onDraft({ ...draft, baseline: text });
  };
  const saveOnServer = async () => {
    if (profile === null) return;
    setSaving(true);
    const answer = await saveScenario(location.origin, profile, draft.doc);
    setSaving(false);
    if (answer.ok) {
      setRefusal(null);
      onServerIssues([]);
      onDraft({ ...draft, baseline: text, saved: { id: answer.id, text } });
      onSaved();
      return;
    }
    setRefusal(answer.error);
    onServerIssues(answer.error === 'invalid-scenario' ? answer.issues : []);
  };
  const playSolo = () => {
    if (current !== null) void client.startSolo(current).catch(() => undefined);
  };
  const runWorkshop = () => {
    if (current === null) return;
    workshopScenario.set(current);
    closeEditor();
    uiState.update((u) => ({ ...u, startView: 'workshop' }));
  };
  const copy = async () => {
    if (link === null) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  const blocked =
    profile === null
      ? 'ui.editor.server.noProfile'
      : problems > 0
        ? 'ui.editor.server.fixFirst'
        : tooLarge
          ? 'ui.editor.server.tooLarge'
          : null;
  return (
    <section class="su-ed-server" aria-label={t('ui.editor.server.title')}>
      <div class="su-ed-actions">
        <button type="button" class="su-btn" data-action="save-file" onClick={saveFile}>
          {t('ui.editor.saveFile')}
        </button>
        <button
          type="button"
          class="su-btn su-btn-primary"
          data-action="save-server"
          disabled={blocked !== null || saving || current !== null}
          onClick={() => void saveOnServer()}
        >
          <Icon name="check" />
          {saving ? t('ui.editor.server.saving') : current !== null ? t('ui.editor.server.isSaved') : t('ui.editor.server.save')}
        </button>
      </div>
      {blocked !== null && current === null && <p class="su-help">{t(blocked, { count: problems, kb: Math.ceil(bytes / 1024) })}</p>}
      {refusal !== null && (
        <p class="su-ed-refused" role="alert" data-server-error={refusal}>
          {t(`ui.editor.server.refused.${refusal}`)}
        </p>
      )}
      {draft.saved !== null && link !== null && (
        <p class="su-ed-saved" data-saved-id={draft.saved.id}>
          {t(current !== null ? 'ui.editor.server.savedAs' : 'ui.editor.server.changedSince', { id: draft.saved.id })}{' '}
          <a href={link} class="su-ed-link">
            {link}
          </a>{' '}
          <button type="button" class="su-btn su-btn-small su-btn-quiet" onClick={() => void copy()}>
            <Icon name={copied ? 'check' : 'copy'} />
            {copied ? t('ui.editor.server.copied') : t('ui.editor.server.copy')}
          </button>
        </p>
      )}
      <div class="su-ed-actions">
        <button type="button" class="su-btn" data-action="play-solo" disabled={current === null} onClick={playSolo}>
          <Icon name="play" />
          {t('ui.editor.playSolo')}
        </button>
        <button type="button" class="su-btn" data-action="run-workshop" disabled={current === null} onClick={runWorkshop}>
          <Icon name="users" />
          {t('ui.editor.runWorkshop')}
        </button>
      </div>
      {current === null && <p class="su-help">{t('ui.editor.server.saveFirst')}</p>}
    </section>
  );
}
