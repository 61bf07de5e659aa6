/**
 * The editor's problems in the author's words: real issues from the scenario schema (the one the
 * server checks with) on broken copies of the sandbox, named by the field as the form labels it and
 * explained with the broken limit, in English and in Korean; the server's 400 answer (the same
 * issues as JSON) reads the same.
 */
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../shared/scenarios/schema';
import { t } from '../../../client/i18n';
import type { Language } from '../../../client/i18n/format';
import { setIn, type JsonObject } from '../../../client/ui/editor/document';
import { LABEL_KEYS } from '../../../client/ui/editor/fieldNames';
import { checkScenario, describeIssues, SECTIONS, type IssueText, type ScenarioIssue } from '../../../client/ui/editor/issueText';
import { ownCopy, shippedDocument } from '../../../client/ui/editor/shipped';

function sandbox(): JsonObject {
  const doc = shippedDocument('sandbox');
  if (doc === null) throw new Error('no sandbox');
  return doc;
}

function translator(lang: Language) {
  return (key: string, params?: Record<string, string | number>) => t(key, { ...params, lng: lang });
}

function issuesOf(doc: JsonObject): ScenarioIssue[] {
  const checked = scenarioSchema.safeParse(doc);
  if (checked.success) return [];
  return checked.error.issues as unknown as ScenarioIssue[];
}

/** Every problem of `doc` as "field: reason" in `lang`. */
function texts(doc: JsonObject, lang: Language, issues = issuesOf(doc)): string[] {
  return describeIssues(issues, doc, translator(lang), lang).map((i: IssueText) => `${i.field}: ${i.reason}`);
}

describe('problems named by field and reason', () => {
  it('a region field, by number and name, with the limit (English and Korean)', () => {
    const doc = setIn(sandbox(), ['regions', 1, 'marketSize'], 0);
    expect(texts(doc, 'en')).toEqual(['Region 2 (North America) — Market size: must be more than 0']);
    expect(texts(doc, 'ko')).toEqual(['지역 2 (북미)의 시장 규모: 0보다 커야 합니다']);
    const [issue] = issuesOf(doc);
    expect(describeIssues([issue!], doc, translator('en'), 'en')[0]).toMatchObject({ path: 'regions.1.marketSize', section: 'regions' });
  });

  it('an upper bound, and a share said in percent as the form shows it', () => {
    const doc = setIn(setIn(sandbox(), ['regions', 0, 'peakHour'], 25), ['onlineShare'], 1.5);
    expect(texts(doc, 'en')).toEqual([
      'Region 1 (Asia Pacific) — Peak hour (0–24): must be at most 24',
      'Users online on average: must be at most 100%',
    ]);
    expect(texts(doc, 'ko')).toEqual([
      '지역 1 (아시아 태평양)의 최대 접속 시각(0–24): 24 이하여야 합니다',
      '평균 접속 사용자 비율: 100% 이하여야 합니다',
    ]);
  });

  it('texts in each language, the id format, whole numbers and missing fields', () => {
    let doc = setIn(sandbox(), ['name', 'ko'], '');
    doc = setIn(doc, ['id'], 'My Scenario');
    doc = setIn(doc, ['incidents'], [{ tick: 90.5, type: 'trafficSpike' }]);
    const mix = doc.classMix as JsonObject;
    doc = setIn(doc, ['classMix'], { static: mix.static!, read: mix.read!, write: mix.write!, session: mix.session! });
    expect(texts(doc, 'en')).toEqual([
      'Scenario id: use lower-case letters, digits and dashes (up to 32)',
      'Name (Korean): must not be empty',
      'Requests per online user — Background job: is missing',
      'Incident 1 (day 1, 01:30, Traffic spike) — When: must be a whole number',
    ]);
    expect(texts(doc, 'ko')).toEqual([
      '시나리오 ID: 영문 소문자, 숫자, 대시(-)만 쓸 수 있습니다(32자까지)',
      '이름 (한국어 표기): 비워 둘 수 없습니다',
      '접속 사용자 1명당 요청 — 백그라운드 작업: 값이 없습니다',
      '장애 1 (1일차 01:30, 트래픽 폭증)의 시각: 정수여야 합니다',
    ]);
  });

  it('text where a number belongs, a value outside the list, a field the format does not know', () => {
    let doc = setIn(sandbox(), ['startMoney'], 'lots');
    doc = setIn(doc, ['incidents'], [{ tick: 0, type: 'shardFull' }]);
    doc = setIn(doc, ['notes'], 'for Tuesday');
    const [money, type, unknown] = texts(doc, 'en');
    expect(money).toBe('Money at the start: must be a number');
    expect(type).toMatch(/^Incident 1 \(day 1, 00:00, Shard full\) — Incident: must be one of: Server crash, Traffic spike, /);
    expect(type).not.toMatch(/one of:.*Shard full/);
    expect(unknown).toBe('The scenario: has fields the format does not know: notes');
    expect(texts(doc, 'ko')[1]).toMatch(/다음 중 하나여야 합니다: 서버 다운, 트래픽 폭증, /);
  });

  it("the schema's own checks: the speed, round trips, shares, the starting system", () => {
    const base = sandbox();
    const table = base.latencyMs as JsonObject;
    let doc = setIn(base, ['latencyMs'], { ...table, ap: { ap: 20, na: 140 } });
    doc = setIn(doc, ['datasets', 0, 'readShare'], 0.2);
    doc = setIn(
      doc,
      ['initialTopology'],
      [
        { kind: 'web', region: 'sa', connectFrom: ['users'] },
        { kind: 'db', region: 'ap', connectFrom: ['users', 2] },
      ],
    );
    doc = setIn(doc, ['startSpeed'], 3);
    expect(texts(doc, 'en')).toEqual([
      'Speed at the start: must be one of: 1, 2, 4, 8, 16, 32',
      'Round trip Asia Pacific → Europe: is missing: enter the round trip in milliseconds',
      'Data sets — Share of reads: must add up to 100% (now 90%)',
      'Starting component 1 (web-1, sa) — Region: names a region the scenario does not have: sa',
      'Starting component 2 (db-2, Asia Pacific) — Traffic from: Users cannot send traffic to a Database',
      'Starting component 2 (db-2, Asia Pacific) — Traffic from: can only take traffic from components listed before it',
    ]);
    expect(texts(doc, 'ko')).toEqual([
      '시작 속도: 다음 중 하나여야 합니다: 1, 2, 4, 8, 16, 32',
      '왕복 시간 아시아 태평양 → 유럽: 값이 없습니다. 왕복 시간을 밀리초로 입력하세요',
      '데이터 세트의 읽기 비율: 합이 100%여야 합니다(지금 90%)',
      '시작 구성 요소 1 (sa의 web-1)의 지역: 시나리오에 없는 지역입니다: sa',
      '시작 구성 요소 2 (아시아 태평양의 db-2)의 트래픽 출처: 사용자 → 데이터베이스 연결은 허용되지 않습니다',
      '시작 구성 요소 2 (아시아 태평양의 db-2)의 트래픽 출처: 목록에서 앞에 있는 구성 요소에서만 트래픽을 받을 수 있습니다',
    ]);
  });

  it("reads the server's 400 issues (JSON) exactly as its own", () => {
    let doc = setIn(sandbox(), ['regions', 2, 'initialUsers'], -5);
    doc = setIn(doc, ['mtbfTicks', 'web'], -1);
    doc = setIn(doc, ['objectives', 'availability'], 2);
    const fromServer = JSON.parse(JSON.stringify({ error: 'invalid-scenario', issues: issuesOf(doc) })) as { issues: ScenarioIssue[] };
    expect(texts(doc, 'en', fromServer.issues)).toEqual(texts(doc, 'en'));
    expect(texts(doc, 'en')).toEqual([
      'Region 3 (Europe) — Users at the start: must be at least 0',
      'Time between failures of one instance — Web server: must be 0 (no failures) or at least 720 minutes',
      'Availability goal: must be at most 100%',
    ]);
  });

  it("a shipped scenario's id is refused as the server refuses it; a copy to write from has its own", () => {
    const shipped = sandbox();
    const checked = checkScenario(shipped);
    expect(checked.scenario?.id).toBe('sandbox');
    expect(texts(shipped, 'en', checked.issues)).toEqual([
      'Scenario id: is the id of a scenario that ships with the game: choose your own',
    ]);
    expect(texts(shipped, 'ko', checked.issues)).toEqual(['시나리오 ID: 게임에 들어 있는 시나리오의 ID입니다. 다른 ID를 정하세요']);
    // The server's own refusal of a shipped id reads the same.
    const server: ScenarioIssue = { code: 'custom', path: ['id'], message: '"sandbox" is a scenario that ships with the game' };
    expect(texts(shipped, 'en', [server])).toEqual(texts(shipped, 'en', checked.issues));
    const copy = ownCopy(shipped);
    expect(copy.id).toBe('my-sandbox');
    expect(checkScenario(copy).issues).toEqual([]);
    expect(Object.keys(copy)).toEqual(Object.keys(shipped));
    // Ids stay within the format's 32 characters.
    expect(ownCopy({ ...shipped, id: 'a-very-long-scenario-id-of-32-ch' }).id).toBe('my-a-very-long-scenario-id-of-32');
  });

  it('every label the form and the list use exists in both languages', () => {
    for (const key of LABEL_KEYS) {
      for (const lang of ['en', 'ko'] as const) expect(t(key, { lng: lang }), `${key} (${lang})`).not.toBe(key);
    }
  });

  it('every key the editor builds at run time exists in both languages', () => {
    const keys = [
      ...[...SECTIONS, 'json'].map((id) => `ui.editor.tab.${id}`),
      ...['notJson', 'notObject', 'tooLarge', 'unreadable', 'notFound'].map((f) => `ui.editor.file.${f}`),
      ...['invalid-scenario', 'invalid-profile', 'body-too-large', 'rate-limited', 'too-many-scenarios', 'unreachable', 'failed'].map(
        (r) => `ui.editor.server.refused.${r}`,
      ),
      ...['growth', 'constant', 'growthHelp', 'constantHelp'].map((m) => `ui.editor.traffic.${m}`),
      ...['workingSet', 'staticAssets'].map((g) => `ui.editor.help.${g}`),
      ...['region', 'dataset', 'incident', 'component'].flatMap((item) => [`ui.editor.item.${item}`, `ui.editor.item.${item}Named`]),
      'ui.editor.lang.en',
      'ui.editor.lang.ko',
    ];
    for (const key of keys) for (const lang of ['en', 'ko'] as const) expect(t(key, { lng: lang }), `${key} (${lang})`).not.toBe(key);
  });
});
