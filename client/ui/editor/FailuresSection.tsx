/**
 * Failures that come at random: how long one instance of each kind runs, on average, before it
 * fails (in days here, minutes in the file; empty or 0 for never), and how many world incidents
 * of each type a simulated day brings on average.
 */
import { COMPONENT_KINDS, WORLD_INCIDENTS } from '../../../shared/sim/core/scenario';
import { MINUTES_PER_DAY } from '../../i18n';
import { useT } from '../hooks';
import { Field, NumberField, SectionHead } from './fields';
import { fieldLabel } from './fieldNames';

export function FailuresSection() {
  const { t } = useT();
  return (
    <section class="su-ed-section">
      <SectionHead title={fieldLabel(t, 'mtbfTicks')} help={t('ui.editor.help.mtbf')} />
      <div class="su-ed-grid">
        {COMPONENT_KINDS.map((kind) => (
          <Field key={kind} label={t(`kinds.${kind}.name`)}>
            <NumberField
              path={['mtbfTicks', kind]}
              label={fieldLabel(t, `mtbfTicks.${kind}`)}
              scale={MINUTES_PER_DAY}
              optional
              placeholder={t('ui.editor.never')}
              unit={t('ui.editor.unit.days')}
            />
          </Field>
        ))}
      </div>
      <SectionHead title={fieldLabel(t, 'randomIncidentsPerDay')} help={t('ui.editor.help.randomIncidents')} />
      <div class="su-ed-grid">
        {WORLD_INCIDENTS.map((type) => (
          <Field key={type} label={t(`incidents.${type}.name`)}>
            <NumberField
              path={['randomIncidentsPerDay', type]}
              label={fieldLabel(t, `randomIncidentsPerDay.${type}`)}
              optional
              placeholder="0"
              unit={t('ui.editor.unit.perDay')}
            />
          </Field>
        ))}
      </div>
    </section>
  );
}
