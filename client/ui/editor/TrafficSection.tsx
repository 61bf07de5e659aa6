/**
 * How much traffic the users bring: growing users (logistic growth towards each region's market,
 * churn when served badly) or a fixed request rate; the share of users online and the swing of
 * the daily cycle; the requests each online user sends per second, by class.
 */
import { useRef } from 'preact/hooks';
import { REQUEST_CLASSES } from '../../../shared/sim/core/scenario';
import { useT } from '../hooks';
import { isObject, type JsonObject } from './document';
import { switchTraffic } from './edits';
import { fieldLabel } from './fieldNames';
import { Field, NumberField, SectionHead, useEditor } from './fields';

export function TrafficSection() {
  const { t } = useT();
  const { doc, edit } = useEditor();
  const label = (shape: string) => fieldLabel(t, shape);
  const traffic = isObject(doc.traffic) ? doc.traffic : null;
  const mode = traffic?.mode === 'constant' ? 'constant' : 'growth';
  // The other mode's figures, so switching back and forth loses nothing typed.
  const other = useRef<JsonObject | null>(null);
  const choose = (next: 'growth' | 'constant') => {
    if (next === mode) return;
    const remembered = other.current;
    other.current = traffic;
    edit((d) => switchTraffic(d, next, remembered));
  };
  return (
    <section class="su-ed-section">
      <SectionHead title={t('ui.editor.tab.traffic')} help={t('ui.editor.help.traffic')} />
      <fieldset class="su-ed-choice">
        <legend class="su-field-label">{label('traffic.mode')}</legend>
        {(['growth', 'constant'] as const).map((m) => (
          <label key={m} class="su-ed-radio">
            <input type="radio" name="su-ed-traffic" value={m} checked={mode === m} data-path="traffic.mode" onChange={() => choose(m)} />
            <span>
              <strong>{t(`ui.editor.traffic.${m}`)}</strong>
              <span class="su-help">{t(`ui.editor.traffic.${m}Help`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div class="su-ed-grid">
        {mode === 'growth' ? (
          <>
            <Field label={label('traffic.growthPerDay')} help={t('ui.editor.help.growth')}>
              <NumberField path={['traffic', 'growthPerDay']} label={label('traffic.growthPerDay')} unit={t('ui.editor.unit.perDay')} />
            </Field>
            <Field label={label('traffic.churnPerDay')} help={t('ui.editor.help.churn')}>
              <NumberField path={['traffic', 'churnPerDay']} label={label('traffic.churnPerDay')} unit={t('ui.editor.unit.perDay')} />
            </Field>
          </>
        ) : (
          <Field label={label('traffic.requestsPerSecond')} help={t('ui.editor.help.constant')}>
            <NumberField
              path={['traffic', 'requestsPerSecond']}
              label={label('traffic.requestsPerSecond')}
              unit={t('ui.editor.unit.perSecond')}
            />
          </Field>
        )}
        <Field label={label('onlineShare')} help={t('ui.editor.help.onlineShare')}>
          <NumberField path={['onlineShare']} label={label('onlineShare')} scale={0.01} unit="%" />
        </Field>
        <Field label={label('dailySwing')} help={t('ui.editor.help.dailySwing')}>
          <NumberField path={['dailySwing']} label={label('dailySwing')} scale={0.01} unit="%" />
        </Field>
      </div>
      <SectionHead title={label('classMix')} help={t('ui.editor.help.classMix')} />
      <div class="su-ed-grid">
        {REQUEST_CLASSES.map((cls) => (
          <Field key={cls} label={t(`requestClasses.${cls}`)}>
            <NumberField path={['classMix', cls]} label={label(`classMix.${cls}`)} unit={t('ui.editor.unit.perSecond')} />
          </Field>
        ))}
      </div>
    </section>
  );
}
