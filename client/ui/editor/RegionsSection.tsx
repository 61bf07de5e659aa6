/**
 * Where the users are: a row per region (its id, its name in both languages, users at the start,
 * the market it can grow to, the hour its traffic peaks), and the round trip between every pair
 * of regions (the diagonal is the local one). Adding a region adds its row and column.
 */
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { getIn, isObject } from './document';
import { addRegion, regionIds, removeRegion, renameRegion } from './edits';
import { fieldLabel } from './fieldNames';
import { NumberField, SectionHead, TextField, useEditor } from './fields';

export function RegionsSection() {
  const { t, lang } = useT();
  const { doc, edit, invalid } = useEditor();
  const ids = regionIds(doc);
  const label = (shape: string) => fieldLabel(t, shape);
  const nameOf = (index: number) => {
    const name = getIn(doc, ['regions', index, 'name', lang]);
    return typeof name === 'string' && name !== '' ? name : (ids[index] ?? '');
  };
  return (
    <section class="su-ed-section">
      <SectionHead title={t('ui.editor.tab.regions')} help={t('ui.editor.help.regions')}>
        <button
          type="button"
          class="su-btn su-btn-small"
          data-action="add-region"
          onClick={() =>
            edit((d) => addRegion(d, { en: t('ui.editor.newRegion', { lng: 'en' }), ko: t('ui.editor.newRegion', { lng: 'ko' }) }))
          }
        >
          <Icon name="plus" />
          {t('ui.editor.addRegion')}
        </button>
      </SectionHead>
      <div class="su-ed-scroll">
        <table class="su-ed-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{label('regions.*.id')}</th>
              <th>{t('ui.editor.inLanguage', { field: label('regions.*.name'), language: t('ui.editor.lang.en') })}</th>
              <th>{t('ui.editor.inLanguage', { field: label('regions.*.name'), language: t('ui.editor.lang.ko') })}</th>
              <th>{label('regions.*.initialUsers')}</th>
              <th>{label('regions.*.marketSize')}</th>
              <th>{label('regions.*.peakHour')}</th>
              <th>
                <span class="su-visually-hidden">{t('ui.editor.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id, index) => (
              <tr key={index} data-region={index}>
                <td class="su-muted">{index + 1}</td>
                <td>
                  <input
                    type="text"
                    class="su-ed-text su-ed-id"
                    value={id}
                    aria-label={label('regions.*.id')}
                    aria-invalid={invalid.has(`regions.${index}.id`)}
                    data-path={`regions.${index}.id`}
                    onChange={(e) => edit((d) => renameRegion(d, index, (e.currentTarget as HTMLInputElement).value.trim()))}
                  />
                </td>
                <td lang="en">
                  <TextField path={['regions', index, 'name', 'en']} label={label('regions.*.name')} />
                </td>
                <td lang="ko">
                  <TextField path={['regions', index, 'name', 'ko']} label={label('regions.*.name')} />
                </td>
                <td>
                  <NumberField path={['regions', index, 'initialUsers']} label={label('regions.*.initialUsers')} />
                </td>
                <td>
                  <NumberField path={['regions', index, 'marketSize']} label={label('regions.*.marketSize')} />
                </td>
                <td>
                  <NumberField path={['regions', index, 'peakHour']} label={label('regions.*.peakHour')} />
                </td>
                <td>
                  <button
                    type="button"
                    class="su-btn su-btn-icon su-btn-small su-btn-quiet"
                    aria-label={t('ui.editor.removeNamed', { name: nameOf(index) })}
                    title={t('ui.editor.removeNamed', { name: nameOf(index) })}
                    disabled={ids.length <= 1}
                    onClick={() => edit((d) => removeRegion(d, index))}
                  >
                    <Icon name="trash" />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SectionHead title={label('latencyMs')} help={t('ui.editor.help.latency')} />
      <div class="su-ed-scroll">
        <table class="su-ed-table su-ed-matrix">
          <thead>
            <tr>
              <th>{t('ui.editor.fromTo')}</th>
              {ids.map((to, index) => (
                <th key={to} scope="col">
                  {nameOf(index)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ids.map((from, row) => (
              <tr key={from}>
                <th scope="row">{nameOf(row)}</th>
                {ids.map((to, col) => (
                  <td key={to} class={row === col ? 'su-ed-diagonal' : undefined}>
                    <NumberField
                      path={['latencyMs', from, to]}
                      label={t('ui.editor.item.roundTrip', { from: nameOf(row), to: nameOf(col) })}
                      unit="ms"
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isObject(doc.latencyMs) && Object.keys(doc.latencyMs).some((k) => !ids.includes(k)) && (
        <p class="su-help">
          {t('ui.editor.help.latencyExtra', {
            ids: Object.keys(doc.latencyMs)
              .filter((k) => !ids.includes(k))
              .join(', '),
          })}
        </p>
      )}
    </section>
  );
}
