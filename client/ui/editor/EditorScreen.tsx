/**
 * The scenario editor (route `/editor`), for instructors: a scenario written field by field in a
 * form (tabs for each group of the format, texts in both languages side by side), checked after
 * every change with the schema the server uses, its traffic previewed with the simulation's own
 * rules, saved as a file or on the server, and played solo or run as a workshop once saved.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Scenario } from '../../../shared/sim/core/scenario';
import { fetchSavedScenario, listSavedScenarios, profileIdOf, type SavedScenarioSummary } from '../../net/scenarioApi';
import { useStore, useT } from '../hooks';
import { Icon } from '../Icon';
import { LanguageSwitch } from '../LanguageSwitch';
import type { UiClient } from '../uiClient';
import { DataSection } from './DataSection';
import { canonicalText, isObject, type JsonObject } from './document';
import { closeEditor, draft, EDITOR_PATH, freshDraft, type Draft } from './editorState';
import { EditorContext } from './fields';
import { FailuresSection } from './FailuresSection';
import { GeneralSection } from './GeneralSection';
import { IncidentsSection } from './IncidentsSection';
import { IssueList } from './IssueList';
import { checkScenario, describeIssues, SECTIONS, type IssueText, type ScenarioIssue, type SectionId } from './issueText';
import { ObjectivesSection } from './ObjectivesSection';
import { PreviewPanel } from './PreviewPanel';
import { RawJson } from './RawJson';
import { RegionsSection } from './RegionsSection';
import { ServerPanel } from './ServerPanel';
import { SourcePicker } from './SourcePicker';
import { TopologySection } from './TopologySection';
import { TrafficSection } from './TrafficSection';
import './editor.css';
import './editorSide.css';

type Tab = SectionId | 'json';
const TABS: readonly Tab[] = [...SECTIONS, 'json'];

const SECTION_VIEW: Record<SectionId, () => preact.JSX.Element> = {
  general: GeneralSection,
  regions: RegionsSection,
  traffic: TrafficSection,
  data: DataSection,
  failures: FailuresSection,
  incidents: IncidentsSection,
  objectives: ObjectivesSection,
  topology: TopologySection,
};

function isIssue(value: unknown): value is ScenarioIssue {
  return isObject(value) && Array.isArray(value.path) && typeof value.code === 'string';
}

/** Takes the author to a field: the input with that place, else the first one inside it. */
function focusField(path: string): void {
  const form = document.querySelector('.su-ed-form');
  const exact = form?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
  const inside = exact ?? form?.querySelector<HTMLElement>(`[data-path^="${CSS.escape(path === '' ? '' : `${path}.`)}"]`);
  const target = inside?.matches('input, select, textarea, button')
    ? inside
    : inside?.querySelector<HTMLElement>('input, select, textarea');
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

export function EditorScreen({ client }: { client: UiClient }) {
  const { t, lang } = useT();
  const current = useStore(draft);
  const [tab, setTab] = useState<Tab>('general');
  const [serverIssues, setServerIssues] = useState<unknown[]>([]);
  const [saved, setSaved] = useState<SavedScenarioSummary[] | null>(null);
  const [focusing, setFocusing] = useState<string | null>(null);
  const profile = profileIdOf(client);

  const refreshSaved = () => {
    if (profile !== null) void listSavedScenarios(location.origin, profile).then(setSaved);
  };
  useEffect(refreshSaved, [profile]);
  // A saved scenario's link (`/editor?scenario=<id>`) opens it.
  useEffect(() => {
    const id = new URLSearchParams(location.search).get('scenario');
    if (id === null) return;
    // Followed once: coming back from a game started here keeps the draft as it was.
    history.replaceState(null, '', EDITOR_PATH);
    void fetchSavedScenario(location.origin, id).then((found) => {
      if (found !== null && isObject(found.scenario))
        draft.set(freshDraft(found.scenario, { kind: 'saved', id }, { id, text: canonicalText(found.scenario) }));
    });
  }, []);
  useEffect(() => {
    if (focusing === null) return;
    focusField(focusing);
    setFocusing(null);
  }, [focusing, tab]);

  const doc = current.doc;
  const checked = useMemo(() => checkScenario(doc), [doc]);
  const issues = useMemo(() => describeIssues(checked.issues, doc, t, lang), [checked, lang]);
  const fromServer = useMemo(() => describeIssues(serverIssues.filter(isIssue), doc, t, lang), [serverIssues, doc, lang]);
  const invalid = useMemo(() => new Set([...issues, ...fromServer].map((issue) => issue.path)), [issues, fromServer]);
  // The preview keeps the last scenario that passed the checks while the document does not.
  const lastValid = useRef<Scenario | null>(null);
  if (checked.scenario !== null) lastValid.current = checked.scenario;

  const edit = (change: (doc: JsonObject) => JsonObject) => draft.update((d) => ({ ...d, doc: change(d.doc) }));
  const load = (next: Draft) => {
    setServerIssues([]);
    draft.set(next);
  };
  const pick = (issue: IssueText) => {
    setTab(issue.section);
    setFocusing(issue.path);
  };
  const changed = canonicalText(doc) !== current.baseline;
  const name = isObject(doc.name) && typeof doc.name[lang] === 'string' ? doc.name[lang] : '';
  const source = current.source;
  const Section = tab === 'json' ? RawJson : SECTION_VIEW[tab];
  return (
    <main class="su-editor" data-editor>
      <header class="su-ed-top">
        <button type="button" class="su-btn su-btn-quiet" onClick={closeEditor}>
          <Icon name="chevronLeft" />
          {t('ui.editor.back')}
        </button>
        <h1 class="su-ed-title">{t('ui.editor.title')}</h1>
        <span class="su-ed-name" data-scenario-name>
          {name}
        </span>
        <span class="su-muted su-ed-origin">
          {source.kind === 'file'
            ? t('ui.editor.source.file', { name: source.name })
            : source.kind === 'saved'
              ? t('ui.editor.source.saved', { id: source.id })
              : t('ui.editor.source.shipped', { id: source.id })}
          {changed && <span class="su-ed-changed"> · {t('ui.editor.changed')}</span>}
        </span>
        <span class="su-spacer" />
        <LanguageSwitch />
      </header>
      <div class="su-ed-toolbar">
        <SourcePicker
          key={`${source.kind}:${source.kind === 'file' ? source.name : source.id}`}
          draft={current}
          changed={changed}
          saved={saved}
          onLoad={load}
        />
      </div>
      <div class="su-ed-body">
        <div class="su-ed-main">
          <nav class="su-ed-tabs" role="tablist" aria-label={t('ui.editor.title')}>
            {TABS.map((id) => {
              const count = id === 'json' ? 0 : issues.filter((issue) => issue.section === id).length;
              return (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  class="su-ed-tab"
                  aria-selected={tab === id}
                  data-tab={id}
                  onClick={() => setTab(id)}
                >
                  {t(`ui.editor.tab.${id}`)}
                  {count > 0 && (
                    <span class="su-ed-tab-count" aria-label={t('ui.editor.check.problems', { count })}>
                      {count}
                    </span>
                  )}
                </button>
              );
            })}
          </nav>
          <div class="su-ed-form" role="tabpanel">
            <EditorContext.Provider value={{ doc, edit, invalid }}>
              <Section />
            </EditorContext.Provider>
          </div>
        </div>
        <aside class="su-ed-side">
          <ServerPanel
            client={client}
            profile={profile}
            draft={current}
            onDraft={(next) => draft.set(next)}
            problems={issues.length}
            onServerIssues={setServerIssues}
            onSaved={refreshSaved}
          />
          <IssueList issues={issues} fromServer={fromServer} onPick={pick} />
          <PreviewPanel scenario={lastValid.current} stale={checked.scenario === null} />
        </aside>
      </div>
    </main>
  );
}
