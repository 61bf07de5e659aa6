/**
 * The instructor's incident form: a type (by its name in the reader's language, with the advice
 * players will read), one team or every team, and what the type takes (which component, which
 * region or pair of regions, how strong, how long), with the sim's usual values filled in.
 * incidentForm.ts checks it against the protocol before it goes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { GameModel } from '../../state/model';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { labelForId } from '../names';
import type { UiClient } from '../uiClient';
import {
  draftFor,
  draftProblems,
  incidentFields,
  injectMessage,
  INJECTABLE_TYPES,
  MAX_DURATION,
  MIN_DURATION,
  possibleIn,
  targetsFor,
  type IncidentDraft,
  type InjectableType,
} from './incidentForm';
import { roomTeamName } from './roster';

/** How long the "sent" line stays after an incident goes. */
const SENT_MS = 4000;

export function IncidentPanel({
  client,
  game,
  regions,
  team,
}: {
  client: UiClient;
  game: GameModel;
  regions: Array<{ id: string; name: string }>;
  /** The team chosen elsewhere (the closer look's "inject" button); 'all' by default. */
  team: string;
}) {
  const { t } = useT();
  const ids = regions.map((r) => r.id);
  const [draft, setDraft] = useState<IncidentDraft>(() => draftFor('serverCrash', team, ids));
  const [sent, setSent] = useState<string | null>(null);
  // A team picked elsewhere later (the closer look's button) replaces the form's; the first render
  // already has it, and must not undo a choice made in the form since.
  const pickedElsewhere = useRef(team);
  useEffect(() => {
    if (pickedElsewhere.current === team) return;
    pickedElsewhere.current = team;
    setDraft((d) => ({ ...d, team, target: '' }));
  }, [team]);
  useEffect(() => {
    if (sent === null) return;
    const timer = setTimeout(() => setSent(null), SENT_MS);
    return () => clearTimeout(timer);
  }, [sent]);
  const fields = incidentFields(draft.type);
  const problems = draftProblems(draft, ids);
  const message = injectMessage(draft, ids);
  const running = game.clock.phase === 'running';
  const targets = draft.team === 'all' ? [] : targetsFor(draft.type, game.teams[draft.team]?.components ?? []);
  const set = (patch: Partial<IncidentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const number = (e: Event) => Number((e.currentTarget as HTMLInputElement).value);
  const send = (e: Event) => {
    e.preventDefault();
    if (message === null) return;
    client.instruct(message);
    setSent(
      draft.team === 'all'
        ? t('ui.workshop.inject.sentAll', { name: t(`incidents.${draft.type}.name`) })
        : t('ui.workshop.inject.sent', { name: t(`incidents.${draft.type}.name`), team: roomTeamName(t, game, draft.team) }),
    );
  };
  return (
    <form class="su-ws-panel su-ws-inject" onSubmit={send} aria-labelledby="su-ws-inject-title">
      <h2 id="su-ws-inject-title" class="su-heading">
        {t('ui.workshop.inject.title')}
      </h2>
      <label class="su-field">
        <span class="su-field-label">{t('ui.workshop.inject.type')}</span>
        <select
          value={draft.type}
          data-field="incident-type"
          onChange={(e) => setDraft(draftFor((e.currentTarget as HTMLSelectElement).value as InjectableType, draft.team, ids))}
        >
          {INJECTABLE_TYPES.map((type) => (
            <option key={type} value={type} disabled={!possibleIn(type, ids)}>
              {t(`incidents.${type}.name`)}
            </option>
          ))}
        </select>
      </label>
      <p class="su-help">{t(`incidents.${draft.type}.advice`)}</p>
      <label class="su-field">
        <span class="su-field-label">{t('ui.workshop.inject.team')}</span>
        <select
          value={draft.team}
          data-field="incident-team"
          onChange={(e) => set({ team: (e.currentTarget as HTMLSelectElement).value, target: '' })}
        >
          <option value="all">{t('ui.workshop.inject.allTeams')}</option>
          {game.teamIds.map((id) => (
            <option key={id} value={id}>
              {roomTeamName(t, game, id)}
            </option>
          ))}
        </select>
      </label>
      {fields.target && (
        <label class="su-field">
          <span class="su-field-label">{t('ui.workshop.inject.target')}</span>
          <select
            value={draft.target}
            disabled={draft.team === 'all'}
            onChange={(e) => set({ target: (e.currentTarget as HTMLSelectElement).value })}
          >
            <option value="">{t('ui.workshop.inject.anyTarget')}</option>
            {targets.map((c) => (
              <option key={c.id} value={c.id}>
                {labelForId(c.id)}
              </option>
            ))}
          </select>
        </label>
      )}
      {fields.region && (
        <div class="su-ws-panel-row">
          <label class="su-field">
            <span class="su-field-label">{t(fields.peer ? 'ui.workshop.inject.between' : 'ui.workshop.inject.region')}</span>
            <RegionSelect regions={regions} value={draft.region} onChange={(region) => set({ region })} />
          </label>
          {fields.peer && (
            <label class="su-field">
              <span class="su-field-label">{t('ui.workshop.inject.and')}</span>
              <RegionSelect regions={regions} value={draft.peer} onChange={(peer) => set({ peer })} />
            </label>
          )}
        </div>
      )}
      {(fields.strength !== null || fields.duration) && (
        <div class="su-ws-panel-row">
          {fields.strength !== null && (
            <label class="su-field">
              <span class="su-field-label">{t(`ui.workshop.inject.strength.${fields.strength.unit}`)}</span>
              <input
                type="number"
                min={fields.strength.min}
                max={fields.strength.max}
                step={fields.strength.step}
                value={draft.strength}
                onInput={(e) => set({ strength: number(e) })}
              />
            </label>
          )}
          {fields.duration && (
            <label class="su-field">
              <span class="su-field-label">{t('ui.workshop.inject.duration')}</span>
              <input
                type="number"
                min={MIN_DURATION}
                max={MAX_DURATION}
                step={5}
                value={draft.durationMinutes}
                onInput={(e) => set({ durationMinutes: number(e) })}
              />
            </label>
          )}
        </div>
      )}
      {!fields.duration && <p class="su-help">{t('ui.workshop.inject.untilRepaired')}</p>}
      {problems.map((p) => (
        <p key={p} class="su-note">
          {t(`ui.workshop.inject.problem.${p}`, { min: MIN_DURATION, max: MAX_DURATION })}
        </p>
      ))}
      <div class="su-ws-panel-row">
        <button type="submit" class="su-btn su-btn-primary" disabled={message === null || !running} data-action="inject">
          <Icon name="warn" />
          {t('ui.workshop.inject.send')}
        </button>
        {!running && <span class="su-help">{t('ui.workshop.inject.notRunning')}</span>}
      </div>
      {sent !== null && (
        <p class="su-ws-sent" role="status">
          <Icon name="check" />
          {sent}
        </p>
      )}
    </form>
  );
}

/** A choice of the scenario's regions (where an outage hits, the two sides of a partition). */
function RegionSelect({
  regions,
  value,
  onChange,
}: {
  regions: ReadonlyArray<{ id: string; name: string }>;
  value: string;
  onChange: (region: string) => void;
}) {
  return (
    <select value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
      {regions.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </select>
  );
}
