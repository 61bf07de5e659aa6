/**
 * The instructor's first screen: the scenario everyone plays (a free-play preset, a campaign
 * chapter, or one of the instructor's own saved from the editor), how many teams (suggested from the head count expected: about five people each), how
 * participants get their team, whether the clock waits while the instructor's laptop is away, and
 * how long the game lasts. Create opens the room and its console.
 */
import { useEffect, useState } from 'preact/hooks';
import { MAX_WORKSHOP_TEAMS, type Placement } from '../../../shared/protocol/roomActions';
import { formatDuration } from '../../i18n';
import { fetchSavedScenario, listSavedScenarios, profileIdOf, type SavedScenarioSummary } from '../../net/scenarioApi';
import type { ConnectionStatus } from '../../state/model';
import { uiState } from '../../state/uiState';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { LanguageSwitch } from '../LanguageSwitch';
import type { UiClient } from '../uiClient';
import { workshopScenario } from '../editor/editorState';
import { DURATIONS, realMinutes, savedChoice, scenarioChoices, suggestTeams, type ScenarioChoice } from './setupOptions';
import './workshop.css';

const CHOICES = scenarioChoices();

export function WorkshopSetup({ client, status }: { client: UiClient; status: ConnectionStatus }) {
  const { t, lang } = useT();
  // The editor's "Run as workshop" arrives with the scenario it saved.
  const [scenario, setScenario] = useState(() => workshopScenario.get() ?? CHOICES[0]?.id ?? 'sandbox');
  const [saved, setSaved] = useState<SavedScenarioSummary[]>([]);
  // A saved scenario's details (description, length, speed) once fetched, by id.
  const [details, setDetails] = useState<Record<string, ScenarioChoice | null>>({});
  useEffect(() => {
    workshopScenario.set(null);
    const profile = profileIdOf(client);
    if (profile !== null) void listSavedScenarios(location.origin, profile).then((list) => setSaved(list ?? []));
  }, [client]);
  const shipped = CHOICES.some((c) => c.id === scenario);
  useEffect(() => {
    if (shipped || scenario in details) return;
    void fetchSavedScenario(location.origin, scenario).then((found) =>
      setDetails((known) => ({ ...known, [scenario]: found === null ? null : savedChoice(scenario, found.scenario) })),
    );
  }, [scenario]);
  const savedIds =
    saved.some((s) => s.id === scenario) || shipped
      ? saved
      : [{ id: scenario, name: details[scenario]?.name ?? { en: scenario, ko: scenario }, createdAt: '' }, ...saved];
  const [people, setPeople] = useState(20);
  // The suggestion follows the head count until the instructor picks a number of teams.
  const [teams, setTeams] = useState<number | null>(null);
  const [placement, setPlacement] = useState<Placement>('auto');
  const [pauseOnDrop, setPauseOnDrop] = useState(true);
  // '' = the scenario's own length.
  const [duration, setDuration] = useState('');
  const choice = CHOICES.find((c) => c.id === scenario) ?? details[scenario] ?? undefined;
  const teamCount = teams ?? suggestTeams(people);
  const busy = status === 'connecting';
  const ticks = duration === '' ? (choice?.durationTicks ?? null) : Number(duration);
  const create = (e: Event) => {
    e.preventDefault();
    const settings = {
      scenario,
      teams: teamCount,
      placement,
      pauseOnDrop,
      ...(duration === '' ? {} : { durationTicks: Number(duration) }),
    };
    // A refusal arrives as a notice from the network layer; the promise only needs catching.
    void client.createWorkshop(settings).catch(() => undefined);
  };
  const back = () => uiState.update((u) => ({ ...u, startView: 'home' }));
  return (
    <main class="su-start su-ws-page">
      <form class="su-start-card su-ws-setup" onSubmit={create} aria-labelledby="su-ws-setup-title">
        <div class="su-start-lang">
          <LanguageSwitch />
        </div>
        <h1 id="su-ws-setup-title" class="su-ws-title">
          <Icon name="users" size={28} />
          {t('ui.workshop.setup.title')}
        </h1>
        <p class="su-muted su-ws-lead">{t('ui.workshop.setup.lead')}</p>

        <label class="su-field">
          <span class="su-field-label">{t('ui.workshop.setup.scenario')}</span>
          <select value={scenario} onChange={(e) => setScenario((e.currentTarget as HTMLSelectElement).value)} data-field="scenario">
            <optgroup label={t('ui.workshop.setup.presets')}>
              {CHOICES.filter((c) => c.chapter === null).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name[lang]}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('ui.workshop.setup.chapters')}>
              {CHOICES.filter((c) => c.chapter !== null).map((c) => (
                <option key={c.id} value={c.id}>
                  {t('ui.workshop.setup.chapterOption', { n: c.chapter ?? 0, name: c.name[lang] })}
                </option>
              ))}
            </optgroup>
            {savedIds.length > 0 && (
              <optgroup label={t('ui.editor.mySaved')}>
                {savedIds.map((s) => (
                  <option key={s.id} value={s.id}>
                    {t('ui.editor.savedOption', { name: s.name[lang], id: s.id })}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        {choice !== undefined && <p class="su-help su-ws-about">{choice.description[lang]}</p>}

        <div class="su-ws-setup-row">
          <label class="su-field">
            <span class="su-field-label">{t('ui.workshop.setup.people')}</span>
            <input
              type="number"
              min={1}
              max={100}
              value={people}
              data-field="people"
              onInput={(e) => setPeople(Number((e.currentTarget as HTMLInputElement).value))}
            />
          </label>
          <label class="su-field">
            <span class="su-field-label">{t('ui.workshop.setup.teams')}</span>
            <select
              value={String(teamCount)}
              data-field="teams"
              onChange={(e) => setTeams(Number((e.currentTarget as HTMLSelectElement).value))}
            >
              {Array.from({ length: MAX_WORKSHOP_TEAMS }, (_, i) => i + 1).map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <p class="su-help su-ws-suggest">
            {teams === null
              ? t('ui.workshop.setup.suggested', { teams: teamCount, size: Math.max(1, Math.round(people / teamCount)) })
              : t('ui.workshop.setup.perTeam', { size: Math.max(1, Math.round(people / teamCount)) })}
            {teams !== null && teams !== suggestTeams(people) && (
              <>
                {' '}
                <button type="button" class="su-link" onClick={() => setTeams(null)}>
                  {t('ui.workshop.setup.useSuggestion', { teams: suggestTeams(people) })}
                </button>
              </>
            )}
          </p>
        </div>

        <fieldset class="su-ws-choice">
          <legend class="su-field-label">{t('ui.workshop.setup.placement')}</legend>
          {(['auto', 'choose'] as const).map((p) => (
            <label key={p} class="su-ws-radio">
              <input type="radio" name="placement" value={p} checked={placement === p} onChange={() => setPlacement(p)} />
              <span>
                <strong>{t(p === 'auto' ? 'ui.workshop.placement.auto' : 'ui.workshop.placement.choose')}</strong>
                <span class="su-help">{t(p === 'auto' ? 'ui.workshop.placement.autoHelp' : 'ui.workshop.placement.chooseHelp')}</span>
              </span>
            </label>
          ))}
        </fieldset>

        <div class="su-ws-setup-row">
          <label class="su-field">
            <span class="su-field-label">{t('ui.workshop.setup.duration')}</span>
            <select value={duration} data-field="duration" onChange={(e) => setDuration((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">
                {choice?.durationTicks != null
                  ? t('ui.workshop.setup.scenarioLength', { length: formatDuration(lang, choice.durationTicks) })
                  : t('ui.workshop.setup.untilEnded')}
              </option>
              {DURATIONS.map((d) => (
                <option key={d} value={String(d)}>
                  {formatDuration(lang, d)}
                </option>
              ))}
            </select>
          </label>
          <p class="su-help su-ws-suggest">
            {ticks === null
              ? t('ui.workshop.setup.untilEndedHelp')
              : t('ui.workshop.setup.realTime', { minutes: realMinutes(ticks, choice?.startSpeed ?? 1), speed: choice?.startSpeed ?? 1 })}
          </p>
        </div>

        <label class="su-ws-check">
          <input
            type="checkbox"
            checked={pauseOnDrop}
            data-field="pauseOnDrop"
            onChange={(e) => setPauseOnDrop((e.currentTarget as HTMLInputElement).checked)}
          />
          <span>
            <strong>{t('ui.workshop.setup.pauseOnDrop')}</strong>
            <span class="su-help">{t('ui.workshop.setup.pauseOnDropHelp')}</span>
          </span>
        </label>

        <div class="su-ws-actions">
          <button type="button" class="su-btn su-btn-quiet" onClick={back}>
            <Icon name="chevronLeft" />
            {t('ui.workshop.back')}
          </button>
          <span class="su-spacer" />
          <button type="submit" class="su-btn su-btn-primary su-btn-large" disabled={busy} data-action="create">
            {busy ? t('hud.connection.connecting') : t('ui.workshop.setup.create')}
          </button>
        </div>
      </form>
    </main>
  );
}
