/** The scenario's id, names and description in both languages, its opening speed, money and prices. */
import { SPEEDS } from '../../../shared/protocol/messages';
import { useT } from '../hooks';
import { fieldLabel } from './fieldNames';
import { Field, LocalTextPair, NumberField, SectionHead, SelectField, TextField } from './fields';

export function GeneralSection() {
  const { t } = useT();
  const label = (shape: string) => fieldLabel(t, shape);
  return (
    <section class="su-ed-section">
      <SectionHead title={t('ui.editor.tab.general')} help={t('ui.editor.help.general')} />
      <LocalTextPair path={['name']} label={label('name')} />
      <LocalTextPair path={['description']} label={label('description')} multiline />
      <div class="su-ed-grid">
        <Field label={label('id')} help={t('ui.editor.help.id')}>
          <TextField path={['id']} label={label('id')} />
        </Field>
        <Field label={label('startSpeed')} help={t('ui.editor.help.startSpeed')}>
          <SelectField
            path={['startSpeed']}
            label={label('startSpeed')}
            optional
            numeric
            none={t('ui.editor.speedDefault')}
            choices={SPEEDS.map((s) => ({ value: String(s), label: t('hud.speed', { speed: s }) }))}
          />
        </Field>
        <Field label={label('startMoney')}>
          <NumberField path={['startMoney']} label={label('startMoney')} unit="$" />
        </Field>
        <Field label={label('revenuePerUserDay')} help={t('ui.editor.help.revenue')}>
          <NumberField path={['revenuePerUserDay']} label={label('revenuePerUserDay')} unit="$" />
        </Field>
        <Field label={label('priceFactor')} help={t('ui.editor.help.priceFactor')}>
          <NumberField path={['priceFactor']} label={label('priceFactor')} unit="×" />
        </Field>
        <Field label={label('cdnCostPerGb')} help={t('ui.editor.help.optionalDefault', { value: '0.08' })}>
          <NumberField path={['cdnCostPerGb']} label={label('cdnCostPerGb')} optional placeholder="0.08" unit="$" />
        </Field>
        <Field label={label('transferCostPerGb')} help={t('ui.editor.help.optionalDefault', { value: '0.02' })}>
          <NumberField path={['transferCostPerGb']} label={label('transferCostPerGb')} optional placeholder="0.02" unit="$" />
        </Field>
      </div>
    </section>
  );
}
