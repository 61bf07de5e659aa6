/**
 * What the game asks for and how long it lasts: the p95 latency that counts as served well, the
 * availability goal, optional peak users and profit goals, the game's length; and the shop, for a
 * scenario that sells only what its lesson needs (absent: everything is on sale).
 */
import { COMPONENT_KINDS } from '../../../shared/sim/core/scenario';
import { FEATURE_NAMES } from '../../../shared/sim/vocabulary';
import { formatDuration } from '../../i18n';
import { useT } from '../hooks';
import { getIn, isObject } from './document';
import { setShopLimited, toggleName } from './edits';
import { fieldLabel } from './fieldNames';
import { Field, NumberField, SectionHead, useEditor } from './fields';

export function ObjectivesSection() {
  const { t, lang } = useT();
  const { doc, edit } = useEditor();
  const label = (shape: string) => fieldLabel(t, shape);
  const length = getIn(doc, ['objectives', 'durationTicks']);
  const shop = isObject(doc.shop) ? doc.shop : null;
  const onSale = (key: 'kinds' | 'features', name: string) => {
    const names = shop?.[key];
    return Array.isArray(names) && names.includes(name);
  };
  return (
    <section class="su-ed-section">
      <SectionHead title={label('objectives')} help={t('ui.editor.help.objectives')} />
      <div class="su-ed-grid">
        <Field label={label('objectives.latencyMs')} help={t('ui.editor.help.objectiveLatency')}>
          <NumberField path={['objectives', 'latencyMs']} label={label('objectives.latencyMs')} unit="ms" />
        </Field>
        <Field label={label('objectives.availability')}>
          <NumberField path={['objectives', 'availability']} label={label('objectives.availability')} scale={0.01} unit="%" />
        </Field>
        <Field label={label('objectives.peakDau')} help={t('ui.editor.help.optionalGoal')}>
          <NumberField path={['objectives', 'peakDau']} label={label('objectives.peakDau')} optional />
        </Field>
        <Field label={label('objectives.profit')} help={t('ui.editor.help.optionalGoal')}>
          <NumberField path={['objectives', 'profit']} label={label('objectives.profit')} optional unit="$" />
        </Field>
        <Field
          label={label('objectives.durationTicks')}
          help={typeof length === 'number' ? formatDuration(lang, length) : t('ui.editor.help.openEnded')}
        >
          <NumberField
            path={['objectives', 'durationTicks']}
            label={label('objectives.durationTicks')}
            scale={60}
            whole
            optional
            placeholder={t('ui.editor.openEnded')}
            unit={t('ui.editor.unit.hours')}
          />
        </Field>
      </div>
      <SectionHead title={label('shop')} help={t('ui.editor.help.shop')} />
      <label class="su-ed-check">
        <input
          type="checkbox"
          checked={shop !== null}
          data-path="shop"
          onChange={(e) => edit((d) => setShopLimited(d, (e.currentTarget as HTMLInputElement).checked))}
        />
        <span>{t('ui.editor.limitShop')}</span>
      </label>
      {shop !== null && (
        <div class="su-ed-shop">
          {(['kinds', 'features'] as const).map((key) => (
            <fieldset key={key} class="su-ed-choice" data-path={`shop.${key}`}>
              <legend class="su-field-label">{label(`shop.${key}`)}</legend>
              <div class="su-ed-chips">
                {(key === 'kinds' ? COMPONENT_KINDS : FEATURE_NAMES).map((name) => (
                  <label key={name} class="su-ed-chip">
                    <input
                      type="checkbox"
                      checked={onSale(key, name)}
                      onChange={(e) => edit((d) => toggleName(d, key, name, (e.currentTarget as HTMLInputElement).checked))}
                    />
                    <span>{t(key === 'kinds' ? `kinds.${name}.name` : `features.${name}.name`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      )}
    </section>
  );
}
