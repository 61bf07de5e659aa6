/**
 * What runs at the start of the game, before anyone buys anything: a card per component (its kind,
 * region, size, instances, the database's engine and shard key, a web server's own database) and
 * where its traffic comes from — the region's users or components listed before it, by the same
 * rules as connecting in the game (only the sources that may send to it are offered, and any link
 * a file already has). The id each gets in the game is shown: scripted crashes name it.
 */
import { COMPONENT_KINDS, type ComponentKindName } from '../../../shared/sim/core/scenario';
import { ALLOWED_LINKS } from '../../../shared/sim/core/topology';
import { KINDS } from '../../../shared/sim/rules/catalogue';
import { DB_ENGINES, SHARD_KEYS } from '../../../shared/sim/vocabulary';
import { useT } from '../hooks';
import { Icon } from '../Icon';
import { getIn, isObject, setIn, type Json, type JsonObject } from './document';
import { addComponent, componentId, regionIds, removeComponent } from './edits';
import { fieldLabel, vocabularyName } from './fieldNames';
import { CheckField, Field, NumberField, SectionHead, SelectField, useEditor, type Choice } from './fields';

function kindOf(value: Json | undefined): ComponentKindName | null {
  return typeof value === 'string' && (COMPONENT_KINDS as readonly string[]).includes(value) ? (value as ComponentKindName) : null;
}

/** Users first, then components in list order. */
function bySource(a: Json, b: Json): number {
  return a === 'users' ? -1 : b === 'users' ? 1 : Number(a) - Number(b);
}

export function TopologySection() {
  const { t, lang } = useT();
  const { doc, edit } = useEditor();
  const components = Array.isArray(doc.initialTopology) ? doc.initialTopology : [];
  const regionChoices = regionIds(doc).map((id, index) => {
    const name = getIn(doc, ['regions', index, 'name', lang]);
    return { value: id, label: typeof name === 'string' && name !== '' ? name : id };
  });
  return (
    <section class="su-ed-section">
      <SectionHead title={fieldLabel(t, 'initialTopology')} help={t('ui.editor.help.topology')}>
        <button type="button" class="su-btn su-btn-small" onClick={() => edit(addComponent)}>
          <Icon name="plus" />
          {t('ui.editor.addComponent')}
        </button>
      </SectionHead>
      {components.length === 0 && <p class="su-muted">{t('ui.editor.emptyTopology')}</p>}
      <ol class="su-ed-components">
        {components.map((component, index) => (
          <ComponentCard key={index} index={index} item={isObject(component) ? component : {}} regionChoices={regionChoices} />
        ))}
      </ol>
    </section>
  );
}

function ComponentCard({ index, item, regionChoices }: { index: number; item: JsonObject; regionChoices: Choice[] }) {
  const { t } = useT();
  const { doc, edit, invalid } = useEditor();
  const label = (shape: string) => fieldLabel(t, shape);
  const kind = kindOf(item.kind);
  const path = (field: string) => ['initialTopology', index, field];
  const links = Array.isArray(item.connectFrom) ? item.connectFrom : [];
  const sourceKind = (source: 'users' | number) => (source === 'users' ? 'users' : kindOf(getIn(doc, ['initialTopology', source, 'kind'])));
  const sources = (['users', ...Array.from({ length: index }, (_, i) => i)] as Array<'users' | number>).filter((source) => {
    const from = sourceKind(source);
    return links.includes(source) || (kind !== null && from !== null && ALLOWED_LINKS[from].includes(kind));
  });
  const toggle = (source: 'users' | number, on: boolean) =>
    edit((d) => {
      const kept = links.filter((l) => l !== source);
      return setIn(d, path('connectFrom'), on ? [...kept, source].sort(bySource) : kept);
    });
  return (
    <li class="su-ed-component" data-component={index}>
      <div class="su-ed-component-head">
        <strong class="su-ed-mono">{componentId(doc, index)}</strong>
        <span class="su-spacer" />
        <button
          type="button"
          class="su-btn su-btn-icon su-btn-small su-btn-quiet"
          aria-label={t('ui.editor.removeNamed', { name: componentId(doc, index) })}
          title={t('ui.editor.removeNamed', { name: componentId(doc, index) })}
          onClick={() => edit((d) => removeComponent(d, index))}
        >
          <Icon name="trash" />
        </button>
      </div>
      <div class="su-ed-component-fields" role="group" aria-label={t('ui.editor.settings')}>
        <Field label={label('initialTopology.*.kind')}>
          <SelectField
            path={path('kind')}
            label={label('initialTopology.*.kind')}
            choices={COMPONENT_KINDS.map((k) => ({ value: k, label: vocabularyName(t, k) }))}
          />
        </Field>
        <Field label={label('initialTopology.*.region')}>
          <SelectField path={path('region')} label={label('initialTopology.*.region')} choices={regionChoices} />
        </Field>
        <Field label={label('initialTopology.*.size')}>
          <SelectField
            path={path('size')}
            label={label('initialTopology.*.size')}
            optional
            none={t('ui.editor.smallestSize')}
            choices={(kind === null ? [] : KINDS[kind].sizes).map((s) => ({ value: s, label: vocabularyName(t, s) }))}
          />
        </Field>
        <Field label={label('initialTopology.*.count')}>
          <NumberField path={path('count')} label={label('initialTopology.*.count')} optional whole placeholder="1" />
        </Field>
        {(kind === 'db' || item.engine !== undefined) && (
          <Field label={label('initialTopology.*.engine')}>
            <SelectField
              path={path('engine')}
              label={label('initialTopology.*.engine')}
              optional
              none={vocabularyName(t, 'rdbms')}
              choices={DB_ENGINES.map((e) => ({ value: e, label: vocabularyName(t, e) }))}
            />
          </Field>
        )}
        {(kind === 'db' || item.shardKey !== undefined) && (
          <Field label={label('initialTopology.*.shardKey')}>
            <SelectField
              path={path('shardKey')}
              label={label('initialTopology.*.shardKey')}
              optional
              none={t('ui.editor.notSharded')}
              choices={SHARD_KEYS.map((k) => ({ value: k, label: vocabularyName(t, k) }))}
            />
          </Field>
        )}
        {(kind === 'web' || item.colocatedDb !== undefined) && (
          <label class="su-ed-chip su-ed-component-check">
            <CheckField path={path('colocatedDb')} label={label('initialTopology.*.colocatedDb')} />
            <span>{label('initialTopology.*.colocatedDb')}</span>
          </label>
        )}
      </div>
      <div
        class="su-ed-chips su-ed-links"
        role="group"
        aria-label={label('initialTopology.*.connectFrom')}
        data-path={`initialTopology.${index}.connectFrom`}
        aria-invalid={invalid.has(`initialTopology.${index}.connectFrom`)}
      >
        <span class="su-field-label">{label('initialTopology.*.connectFrom')}</span>
        {sources.length === 0 && <span class="su-muted">{t('ui.editor.noSources')}</span>}
        {sources.map((source) => (
          <label key={String(source)} class="su-ed-chip">
            <input
              type="checkbox"
              checked={links.includes(source)}
              onChange={(e) => toggle(source, (e.currentTarget as HTMLInputElement).checked)}
            />
            <span>{source === 'users' ? t('ui.editor.users') : componentId(doc, source)}</span>
          </label>
        ))}
      </div>
    </li>
  );
}
