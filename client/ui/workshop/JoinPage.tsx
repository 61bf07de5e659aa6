/**
 * The page a `/join/<code>` link opens (the QR code on the projector, a link in the chat). A
 * browser that already sat in that room goes straight back to its seat ("Welcome back"); anyone
 * else is offered a friendly name (editable) and joins. Refusals are said on the page in plain
 * words with what to do. Once in, the address becomes `/` again, so a later reload resumes the game
 * the usual way instead of opening this page.
 */
import { useEffect, useState } from 'preact/hooks';
import { normaliseCode } from '../../../shared/protocol/joinCode';
import type { ConnectionStatus } from '../../state/model';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { LanguageSwitch } from '../LanguageSwitch';
import type { UiClient } from '../uiClient';
import { cleanName, friendlyName, pickName, type NamePick } from './friendlyName';
import { joinProblem, type JoinProblem } from './joinRefusal';
import './workshop.css';
import { CodeField } from '../CodeField';

/** Codes this page already tried to rejoin by itself: once per code, so a refusal cannot loop. */
const rejoined = new Set<string>();

function leaveJoinAddress(): void {
  if (location.pathname.startsWith('/join/')) history.replaceState(null, '', '/');
}

export function JoinPage({ client, status, code }: { client: UiClient; status: ConnectionStatus; code: string }) {
  const { t, tList } = useT();
  const [pick, setPick] = useState<NamePick>(() =>
    pickName(tList('ui.workshop.names.adjectives').length, tList('ui.workshop.names.animals').length, Math.random),
  );
  // null: the friendly offer (it follows the language); a string once the person edits it.
  const [typed, setTyped] = useState<string | null>(client.playerName);
  const [typedCode, setTypedCode] = useState(code);
  const [returning, setReturning] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<JoinProblem | null>(null);
  const offer = friendlyName({ adjectives: tList('ui.workshop.names.adjectives'), animals: tList('ui.workshop.names.animals') }, pick);
  const name = typed ?? offer;
  const target = normaliseCode(typedCode);
  const busy = status === 'connecting';
  // A participant the instructor removed lands back here: the network layer's notice says why
  // (kept for the page's life: the notice itself goes away after a while).
  const [removed] = useState(() => client.notices.get().some((n) => n.key === 'reasons.removed'));
  const shown = removed ? joinProblem(new Error('removed')) : problem;

  const join = async (joinCode: string) => {
    setProblem(null);
    try {
      await client.join(joinCode);
      leaveJoinAddress();
    } catch (error) {
      setProblem(joinProblem(error));
    }
  };

  useEffect(() => {
    let live = true;
    // Someone just taken out of the session is told so, not sent back in by the seat this browser kept.
    if (removed) {
      setReturning(false);
      return;
    }
    void client.hasSeat(code).then((seated) => {
      if (!live) return;
      const again = seated && !rejoined.has(code);
      setReturning(again);
      if (again) {
        rejoined.add(code);
        void join(code);
      }
    });
    return () => {
      live = false;
    };
  }, [code]);

  const submit = (e: Event) => {
    e.preventDefault();
    const clean = cleanName(name);
    if (clean === null || target === '') return;
    client.setPlayerName(clean);
    void join(target);
  };

  return (
    <main class="su-start su-ws-page">
      <div class="su-start-card su-ws-join" aria-busy={busy || returning === null}>
        <div class="su-start-lang">
          <LanguageSwitch />
        </div>
        <h1 class="su-ws-title">
          <Icon name="brand" size={32} class="su-brand-mark" />
          {returning === true && problem === null ? t('ui.workshop.join.welcomeBack') : t('ui.workshop.join.title')}
        </h1>
        {returning === null ? (
          <p class="su-ws-lead su-muted" role="status">
            {t('hud.connection.connecting')}
          </p>
        ) : returning && problem === null ? (
          <p class="su-ws-lead" role="status">
            {t('ui.workshop.join.rejoining', { code })}
          </p>
        ) : (
          <form class="su-ws-join-form" onSubmit={submit}>
            <p class="su-muted su-ws-lead">{t('ui.workshop.join.lead')}</p>
            <label class="su-field">
              <span class="su-field-label">{t('ui.workshop.join.name')}</span>
              <span class="su-ws-name-row">
                <input
                  type="text"
                  name="name"
                  autoComplete="nickname"
                  maxLength={32}
                  value={name}
                  data-field="name"
                  onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
                />
                <button
                  type="button"
                  class="su-btn su-btn-icon"
                  title={t('ui.workshop.join.another')}
                  aria-label={t('ui.workshop.join.another')}
                  onClick={() => {
                    setTyped(null);
                    setPick(pickName(tList('ui.workshop.names.adjectives').length, tList('ui.workshop.names.animals').length, Math.random));
                  }}
                >
                  <Icon name="restart" />
                </button>
              </span>
              <span class="su-help">{t('ui.workshop.join.nameHelp')}</span>
            </label>
            <CodeField label={t('ui.workshop.join.code')} inputClass="su-ws-code-input" value={typedCode} onInput={setTypedCode} />
            <button
              type="submit"
              class="su-btn su-btn-primary su-btn-large"
              disabled={busy || cleanName(name) === null || target === '' || (shown?.retry === false && target === code)}
              data-action="join"
            >
              {busy ? t('hud.connection.connecting') : t('ui.workshop.join.join')}
            </button>
          </form>
        )}
        {shown !== null && (
          <div class="su-ws-problem" role="alert">
            <Icon name="warn" size={18} />
            <div>
              <p>{t(shown.key)}</p>
              {shown.nextKey !== null && <p class="su-muted">{t(shown.nextKey)}</p>}
            </div>
          </div>
        )}
      </div>
    </main>
  );
}
