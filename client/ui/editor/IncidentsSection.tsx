/**
 * Scripted incidents: what happens when, the same in every game of the scenario. The time is the
 * game's day and clock (the file keeps simulated minutes from the start); each type shows the
 * details it takes (a crash its target, an outage its region, a spike its strength and length),
 * and any other detail a file already has.
 */
import { INCIDENT_TYPES, type IncidentType } from '../../../shared/sim/core/scenario';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { getIn, isObject, removeIn, setIn } from './document';
import { addIncident, componentId, dayAndMinute, regionIds, tickOf } from './edits';
import { fieldLabel, vocabularyName } from './fieldNames';
import { NumberField, SectionHead, SelectField, TextField, useEditor } from './fields';

type Detail = 'target' | 'region' | 'peer' | 'magnitude' | 'durationTicks';

/** The details each incident type takes (the sim ignores the others). */
const DETAILS: Readonly<Record<IncidentType, readonly Detail[]>> = {
  serverCrash: ['target'],
  dbPrimaryFailure: ['target'],
  replicaFailure: ['target'],
  cacheNodeLoss: ['target'],
  trafficSpike: ['magnitude', 'durationTicks'],
  badDeploy: ['magnitude', 'durationTicks'],
  cdnOutage: ['durationTicks'],
  dataCenterOutage: ['region', 'durationTicks'],
  hotspotKey: ['magnitude', 'durationTicks'],
  replicationLagSpike: ['magnitude', 'durationTicks'],
  regionPartition: ['region', 'peer', 'durationTicks'],
  shardFull: [],
};

const SCRIPTABLE = INCIDENT_TYPES.filter((type) => type !== 'shardFull');

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function IncidentsSection() {
  const { t, lang } = useT();
  const { doc, edit, invalid } = useEditor();
  const incidents = Array.isArray(doc.incidents) ? doc.incidents : [];
  const ids = regionIds(doc);
  const regionChoices = ids.map((id, index) => {
    const name = getIn(doc, ['regions', index, 'name', lang]);
    return { value: id, label: typeof name === 'string' && name !== '' ? name : id };
  });
  const topology = Array.isArray(doc.initialTopology) ? doc.initialTopology : [];
  const label = (shape: string) => fieldLabel(t, shape);
  return (
    <section class="su-ed-section">
      <SectionHead title={label('incidents')} help={t('ui.editor.help.incidents')}>
        <button type="button" class="su-btn su-btn-small" data-action="add-incident" onClick={() => edit(addIncident)}>
          <Icon name="plus" />
          {t('ui.editor.addIncident')}
        </button>
      </SectionHead>
      {incidents.length === 0 && <p class="su-muted">{t('ui.editor.noIncidents')}</p>}
      <datalist id="su-ed-targets">
        {topology.map((_, index) => (
          <option key={index} value={componentId(doc, index)} />
        ))}
      </datalist>
      {incidents.length > 0 && (
        <div class="su-ed-scroll">
          <table class="su-ed-table">
            <thead>
              <tr>
                <th>{t('ui.editor.day')}</th>
                <th>{t('ui.editor.time')}</th>
                <th>{label('incidents.*.type')}</th>
                <th>{t('ui.editor.where')}</th>
                <th>{label('incidents.*.magnitude')}</th>
                <th>{label('incidents.*.durationTicks')}</th>
                <th>
                  <span class="su-visually-hidden">{t('ui.editor.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((incident, index) => {
                const item = isObject(incident) ? incident : {};
                const tick = typeof item.tick === 'number' ? item.tick : 0;
                const { day, minute } = dayAndMinute(tick);
                const type = typeof item.type === 'string' ? item.type : '';
                const takes = (detail: Detail) => (DETAILS[type as IncidentType] ?? []).includes(detail) || item[detail] !== undefined;
                const path = (detail: string) => ['incidents', index, detail];
                const tickInvalid = invalid.has(`incidents.${index}.tick`);
                return (
                  <tr key={index} data-incident={index}>
                    <td>
                      <input
                        type="number"
                        min={1}
                        class="su-ed-number su-ed-day"
                        value={day}
                        aria-label={t('ui.editor.day')}
                        aria-invalid={tickInvalid}
                        data-path={`incidents.${index}.tick`}
                        onChange={(e) =>
                          edit((d) => setIn(d, path('tick'), tickOf(Number((e.currentTarget as HTMLInputElement).value), minute)))
                        }
                      />
                    </td>
                    <td>
                      <ClockField
                        minute={minute}
                        label={t('ui.editor.time')}
                        invalid={tickInvalid}
                        onMinute={(m) => edit((d) => setIn(d, path('tick'), tickOf(day, m)))}
                      />
                    </td>
                    <td>
                      <SelectField
                        path={path('type')}
                        label={label('incidents.*.type')}
                        choices={SCRIPTABLE.map((ty) => ({ value: ty, label: vocabularyName(t, ty) }))}
                      />
                    </td>
                    <td>
                      <div class="su-ed-settings">
                        {takes('target') && <TargetField index={index} />}
                        {takes('region') && (
                          <SelectField
                            path={path('region')}
                            label={label('incidents.*.region')}
                            choices={regionChoices}
                            optional
                            none={t('ui.editor.firstRegion')}
                          />
                        )}
                        {takes('peer') && (
                          <SelectField
                            path={path('peer')}
                            label={label('incidents.*.peer')}
                            choices={regionChoices}
                            optional
                            none={t('ui.editor.secondRegion')}
                          />
                        )}
                        {!takes('target') && !takes('region') && !takes('peer') && (
                          <span class="su-muted">{t('ui.editor.everywhere')}</span>
                        )}
                      </div>
                    </td>
                    <td>
                      {takes('magnitude') ? (
                        <NumberField
                          path={path('magnitude')}
                          label={label('incidents.*.magnitude')}
                          optional
                          placeholder={t('ui.editor.usual')}
                          unit={Object.hasOwn(MAGNITUDE_UNIT, type) ? t(MAGNITUDE_UNIT[type]!) : undefined}
                        />
                      ) : (
                        <span class="su-muted">—</span>
                      )}
                    </td>
                    <td>
                      {takes('durationTicks') ? (
                        <NumberField
                          path={path('durationTicks')}
                          label={label('incidents.*.durationTicks')}
                          optional
                          whole
                          placeholder="60"
                          unit={t('ui.editor.unit.minutes')}
                        />
                      ) : (
                        <span class="su-muted">—</span>
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        class="su-btn su-btn-icon su-btn-small su-btn-quiet"
                        aria-label={t('ui.editor.removeNamed', { name: `${vocabularyName(t, type)} ${day}` })}
                        onClick={() => edit((d) => removeIn(d, ['incidents', index]))}
                      >
                        <Icon name="trash" />
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * The clock time of the game's day as the game writes it (24-hour "20:15", whatever the browser's
 * locale; a time input would show "08:15 PM"). Taken when it reads as a time, else put back.
 */
function ClockField({
  minute,
  label,
  invalid,
  onMinute,
}: {
  minute: number;
  label: string;
  invalid: boolean;
  onMinute: (minute: number) => void;
}) {
  const shown = `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
  return (
    <input
      type="text"
      inputMode="numeric"
      class="su-ed-number su-ed-clock"
      value={shown}
      placeholder="20:00"
      aria-label={label}
      aria-invalid={invalid}
      onChange={(e) => {
        const input = e.currentTarget as HTMLInputElement;
        const time = /^\s*(\d{1,2})(?::(\d{2}))?\s*$/.exec(input.value);
        const hours = Number(time?.[1] ?? NaN);
        const minutes = Number(time?.[2] ?? 0);
        if (time === null || hours > 23 || minutes > 59) input.value = shown;
        else onMinute(hours * 60 + minutes);
      }}
    />
  );
}

const MAGNITUDE_UNIT: Readonly<Record<string, string>> = {
  trafficSpike: 'ui.editor.magnitude.trafficSpike',
  badDeploy: 'ui.editor.magnitude.badDeploy',
  hotspotKey: 'ui.editor.magnitude.hotspotKey',
  replicationLagSpike: 'ui.editor.magnitude.replicationLagSpike',
};

/** A component id: one of the starting system's, or one a team will buy (ids are numbered in order of creation). */
function TargetField({ index }: { index: number }) {
  const { t } = useT();
  return (
    <span class="su-ed-target">
      <TextField
        path={['incidents', index, 'target']}
        label={fieldLabel(t, 'incidents.*.target')}
        optional
        list="su-ed-targets"
        placeholder={t('ui.editor.firstServing')}
      />
    </span>
  );
}
