/**
 * What the system stores and serves: the data sets (the share of reads and writes each takes,
 * which must add up to 100 %, the joins a read needs, the data per user), the working set the
 * caches see and the static files the CDN serves (both optional: the format's defaults apply).
 */
import { formatPercent } from '../../i18n';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { getIn, isObject, removeIn, setIn } from './document';
import { addDataset } from './edits';
import { fieldLabel } from './fieldNames';
import { EditorContext, Field, NumberField, SectionHead, TextField, useEditor } from './fields';

/** The format's defaults, which apply while a document leaves the group out. */
const DEFAULTS = {
  workingSet: { keys: 1_000_000, alpha: 0.9, objectKb: 4 },
  staticAssets: { count: 5_000, alpha: 1, sizeKb: 150 },
} as const;

export function DataSection() {
  const { t, lang } = useT();
  const editor = useEditor();
  const { doc, edit } = editor;
  const label = (shape: string) => fieldLabel(t, shape);
  const datasets = Array.isArray(doc.datasets) ? doc.datasets : [];
  const total = (key: 'readShare' | 'writeShare') =>
    datasets.reduce<number>((sum, d) => sum + (isObject(d) && typeof d[key] === 'number' ? d[key] : 0), 0);
  return (
    <section class="su-ed-section">
      <SectionHead title={label('datasets')} help={t('ui.editor.help.datasets')}>
        <button
          type="button"
          class="su-btn su-btn-small"
          onClick={() =>
            edit((d) => addDataset(d, { en: t('ui.editor.newDataset', { lng: 'en' }), ko: t('ui.editor.newDataset', { lng: 'ko' }) }))
          }
        >
          <Icon name="plus" />
          {t('ui.editor.addDataset')}
        </button>
      </SectionHead>
      <div class="su-ed-scroll">
        <table class="su-ed-table">
          <thead>
            <tr>
              <th>{label('datasets.*.id')}</th>
              <th>{t('ui.editor.inLanguage', { field: label('datasets.*.name'), language: t('ui.editor.lang.en') })}</th>
              <th>{t('ui.editor.inLanguage', { field: label('datasets.*.name'), language: t('ui.editor.lang.ko') })}</th>
              <th>{label('datasets.*.readShare')}</th>
              <th>{label('datasets.*.writeShare')}</th>
              <th>{label('datasets.*.joins')}</th>
              <th>{label('datasets.*.mbPerUser')}</th>
              <th>
                <span class="su-visually-hidden">{t('ui.editor.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((_, index) => {
              const name = getIn(doc, ['datasets', index, 'name', lang]);
              return (
                <tr key={index}>
                  <td>
                    <TextField path={['datasets', index, 'id']} label={label('datasets.*.id')} />
                  </td>
                  <td lang="en">
                    <TextField path={['datasets', index, 'name', 'en']} label={label('datasets.*.name')} />
                  </td>
                  <td lang="ko">
                    <TextField path={['datasets', index, 'name', 'ko']} label={label('datasets.*.name')} />
                  </td>
                  <td>
                    <NumberField path={['datasets', index, 'readShare']} label={label('datasets.*.readShare')} scale={0.01} unit="%" />
                  </td>
                  <td>
                    <NumberField path={['datasets', index, 'writeShare']} label={label('datasets.*.writeShare')} scale={0.01} unit="%" />
                  </td>
                  <td>
                    <NumberField path={['datasets', index, 'joins']} label={label('datasets.*.joins')} />
                  </td>
                  <td>
                    <NumberField path={['datasets', index, 'mbPerUser']} label={label('datasets.*.mbPerUser')} optional placeholder="0" />
                  </td>
                  <td>
                    <button
                      type="button"
                      class="su-btn su-btn-icon su-btn-small su-btn-quiet"
                      aria-label={t('ui.editor.removeNamed', { name: typeof name === 'string' ? name : String(index + 1) })}
                      disabled={datasets.length <= 1}
                      onClick={() => edit((d) => removeIn(d, ['datasets', index]))}
                    >
                      <Icon name="trash" />
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={3}>{t('ui.editor.total')}</th>
              <td>{formatPercent(lang, total('readShare'), 'round', 2)}</td>
              <td>{formatPercent(lang, total('writeShare'), 'round', 2)}</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </div>
      {(['workingSet', 'staticAssets'] as const).map((group) => (
        <div key={group}>
          <SectionHead title={label(group)} help={t(`ui.editor.help.${group}`)}>
            {doc[group] !== undefined && (
              <button type="button" class="su-btn su-btn-small su-btn-quiet" onClick={() => edit((d) => removeIn(d, [group]))}>
                <Icon name="undo" />
                {t('ui.editor.useDefaults')}
              </button>
            )}
          </SectionHead>
          {/* Changing one figure of a group the document leaves out writes the group, with the defaults for the rest. */}
          <EditorContext.Provider
            value={{
              ...editor,
              edit: (change) => edit((d) => change(d[group] === undefined ? setIn(d, [group], { ...DEFAULTS[group] }) : d)),
            }}
          >
            <div class="su-ed-grid">
              {Object.entries(DEFAULTS[group]).map(([key, fallback]) => (
                <Field
                  key={key}
                  label={label(`${group}.${key}`)}
                  help={doc[group] === undefined ? t('ui.editor.help.optionalDefault', { value: fallback }) : undefined}
                >
                  <NumberField path={[group, key]} label={label(`${group}.${key}`)} placeholder={String(fallback)} />
                </Field>
              ))}
            </div>
          </EditorContext.Provider>
        </div>
      ))}
    </section>
  );
}
