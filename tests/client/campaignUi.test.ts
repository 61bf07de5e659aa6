/**
 * The campaign's pure client logic: the first chapter's guide follows the game (whatever order the
 * player does things in), goals and commands read as sentences, and the post-incident report is
 * written from a re-run game's records, with every locale key it uses present in both languages.
 */
import { describe, expect, it } from 'vitest';
import { chapters } from '../../shared/campaign';
import { recordGame } from '../../shared/debrief/record';
import { commandSchema } from '../../shared/protocol/commands';
import { teamView, type Command, type CommandEntry } from '../../shared/sim';
import { goalText } from '../../client/ui/campaign/goalText';
import { tutorialStep } from '../../client/ui/campaign/tutorialSteps';
import { commandText } from '../../client/ui/debrief/commandText';
import { incidentReport, reportsMarkdown, type ReportContext } from '../../client/ui/debrief/incidentReport';
import { troubleLines } from '../../client/ui/debrief/troubleText';
import { Driver } from '../helpers/driver';
import { localeText } from '../helpers/locales';
import { constantScenario } from '../helpers/scenarios';

/** A `t` that fails on any key missing from either locale and renders "key{params}". */
function strictT(key: string, params?: Record<string, string | number>): string {
  for (const lang of ['en', 'ko'] as const) {
    if (typeof localeText(lang, key) !== 'string') throw new Error(`missing ${lang} key ${key}`);
  }
  return params === undefined ? key : `${key}${JSON.stringify(params)}`;
}

describe('the guide of chapter 1', () => {
  const chapter = chapters()[0]!;
  const startSpeed = chapter.scenario.startSpeed ?? 1;

  it('walks through buy, select, database, entry and speed as the game changes', () => {
    const d = new Driver(chapter.scenario);
    const at = (selected: string | null, speed = startSpeed, paused = false) =>
      tutorialStep({ team: teamView(d.state), selected, speed, paused, startSpeed });
    expect(at(null)).toBe('buy');
    const web = d.buy({ type: 'buy', kind: 'web', region: 'ap' });
    expect(at(null)).toBe('select');
    expect(at(web)).toBe('database');
    d.send({ type: 'configure', id: web, colocatedDb: true });
    expect(at(web)).toBe('entry');
    // Wandering off before the last setting: back to selecting the server.
    expect(at(null)).toBe('select');
    d.send({ type: 'connect', from: 'users', to: web });
    expect(at(null)).toBe('speed');
    expect(at(null, 8)).toBe('done');
    expect(at(null, 8, true)).toBe('speed');
  });

  it('asks for the database when users were sent to the server first', () => {
    const d = new Driver(chapter.scenario);
    const web = d.buy({ type: 'buy', kind: 'web', region: 'ap' });
    d.send({ type: 'connect', from: 'users', to: web });
    expect(tutorialStep({ team: teamView(d.state), selected: web, speed: startSpeed, paused: false, startSpeed })).toBe('database');
  });
});

describe('goals and commands in words', () => {
  it('says every goal of every chapter with keys both languages have', () => {
    for (const chapter of chapters()) {
      for (const goal of [...chapter.goals, ...chapter.stars.flat()]) {
        expect(goalText(strictT, 'en', goal)).toMatch(new RegExp(`^ui\\.goal\\.${goal.metric}\\.(min|max)\\{`));
      }
    }
  });

  it('says every kind of command', () => {
    const names = { t: strictT, component: (id: string) => `<${id}>`, region: (id: string) => `[${id}]` };
    const examples: Command[] = [
      { type: 'buy', kind: 'db', region: 'ap', size: 'large', count: 2, engine: 'nosql' },
      { type: 'buy', kind: 'db', region: 'na', replicaOf: 'db-2' },
      { type: 'remove', id: 'web-1' },
      { type: 'resize', id: 'web-1', size: 'xlarge' },
      { type: 'scale', id: 'web-1', count: 3 },
      { type: 'connect', from: 'users', to: 'lb-1' },
      { type: 'connect', from: 'web-1', to: 'db-2' },
      { type: 'disconnect', from: 'users', to: 'lb-1' },
      { type: 'disconnect', from: 'web-1', to: 'db-2' },
      {
        type: 'configure',
        id: 'web-1',
        healthChecks: true,
        engine: 'nosql',
        ttlSeconds: 60,
        cachePolicy: 'lfu',
        failover: 'automatic',
        autoscaling: { enabled: true, min: 2, max: 9, targetUtilisation: 0.6, cooldownTicks: 10 },
      },
      { type: 'restart', id: 'web-1' },
      { type: 'rollback' },
      { type: 'promote', id: 'db-3' },
      { type: 'reshard', id: 'db-2', shards: 4, key: 'userIdHash' },
      { type: 'invalidate', id: 'cdn-4' },
      { type: 'buyFeature', feature: 'alerts' },
      { type: 'dropFeature', feature: 'alerts' },
      { type: 'geoRoute', region: 'eu', weights: { eu: 1, na: 3 } },
      { type: 'inject', incident: { type: 'trafficSpike' } },
    ];
    expect(new Set(examples.map((c) => c.type))).toEqual(new Set(commandSchema.options.map((option) => option.shape.type.value)));
    for (const command of examples) expect(commandText(names, command).length).toBeGreaterThan(0);
    expect(commandText(names, examples[1]!)).toContain('<db-2>');
    expect(commandText(names, examples.at(-1)!)).toBe('ui.commands.inject{"incident":"incidents.trafficSpike.name"}');
    // The settings are one parameter of the sentence (JSON-quoted here): each named, with its value.
    const settings = commandText(names, examples[9]!);
    for (const part of [
      'settings.healthChecks.label: ui.commands.on',
      'settings.engine.label: engines.nosql.name',
      'settings.ttl.label: ui.commands.seconds',
      'settings.cachePolicy.label: cachePolicies.lfu.name',
      'settings.failover.label: ui.commands.on',
      'settings.autoscaling.label: ui.commands.autoscalingRule',
    ])
      expect(settings).toContain(part);
  });
});

describe('the post-incident report', () => {
  const scenario = constantScenario({ incidents: [{ tick: 30, type: 'serverCrash', target: 'web-2' }] });
  const log: CommandEntry[] = [{ tick: 45, team: 'solo', player: 'seat-a', seq: 0, command: { type: 'restart', id: 'web-2' } }];
  const record = recordGame(scenario, 3, log, 'solo', 120);
  const ctx: ReportContext = {
    t: strictT,
    lang: 'en',
    component: (id) => `<${id}>`,
    region: (id) => id.toUpperCase(),
    player: (seat) => (seat === 'seat-a' ? 'Ada' : seat),
  };

  it("is written from the game's records: start, detection, the team's action by name, recovery, the lesson", () => {
    const story = record.incidents[0]!;
    const report = incidentReport(story, ctx);
    expect(report.title).toBe('ui.report.title{"n":1,"name":"incidents.serverCrash.name"}');
    const facts = Object.fromEntries(report.facts);
    expect(facts['ui.report.what']).toBe('incidents.serverCrash.started{"target":"<web-2>"}');
    expect(facts['ui.report.detected']).toMatch(/^ui\.report\.detectedBy\.complaints\{/);
    expect(facts['ui.report.usersSaw']).toContain('ui.report.losses.failedRequests');
    expect(facts['ui.report.recovered']).toMatch(/^ui\.report\.recoveredAfter\{/);
    expect(report.timeline.map((e) => e.tick)).toEqual([...report.timeline.map((e) => e.tick)].sort((a, b) => a - b));
    expect(report.timeline.find((e) => e.tick === 45)?.text).toBe('ui.commands.restart{"name":"<web-2>"} (Ada)');
    expect(report.lesson).toBe('incidents.serverCrash.advice');
    expect(report.concept).toBe('loadBalancer');
  });

  it('exports every report as one Markdown document', () => {
    const markdown = reportsMarkdown(ctx, 'Reports', [incidentReport(record.incidents[0]!, ctx)]);
    expect(markdown.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '# Reports',
      '## ui.report.title{"n":1,"name":"incidents.serverCrash.name"}',
      '### ui.report.timeline',
      '### ui.report.lesson',
    ]);
    expect(reportsMarkdown(ctx, 'Reports', [])).toContain('ui.report.none');
  });
});

describe('where service suffered, in words', () => {
  it('says when, how bad, and what was going on, with keys both languages have', () => {
    const ctx: ReportContext = { t: strictT, lang: 'en', component: (id) => `<${id}>`, region: (id) => id, player: (seat) => seat };
    const scenario = constantScenario({ incidents: [{ tick: 30, type: 'serverCrash', target: 'web-2' }] });
    const log: CommandEntry[] = [
      { tick: 25, team: 'solo', player: 'seat-a', seq: 0, command: { type: 'resize', id: 'db-3', size: 'large' } },
    ];
    const record = recordGame(scenario, 3, log, 'solo', 120);
    const spot = record.trouble[0]!;
    const lines = troubleLines(spot, record.incidents, ctx);
    expect(lines.when).toMatch(/^hud\.clock\{.*\} – hud\.clock\{/);
    expect(lines.worst).toMatch(/^ui\.trouble\.worst\{/);
    expect(lines.causes).toContain('ui.trouble.incident{"name":"incidents.serverCrash.name"}');
    expect(lines.causes.some((cause) => cause.startsWith('ui.trouble.disruption{') && cause.includes('ui.commands.resize'))).toBe(true);
  });
});
