/** The instructor's incident form: defaults that the protocol accepts for every type, and what it refuses. */
import { describe, expect, it } from 'vitest';
import { injectedIncidentSchema } from '../../../shared/protocol/commands';
import { instructorMessageSchema } from '../../../shared/protocol/roomActions';
import { loadPreset } from '../../../shared/scenarios';
import { createSim, teamView, type ComponentView } from '../../../shared/sim';
import {
  draftFor,
  draftProblems,
  incidentFields,
  injectMessage,
  INJECTABLE_TYPES,
  possibleIn,
  targetsFor,
} from '../../../client/ui/workshop/incidentForm';

const REGIONS = loadPreset('sandbox').regions.map((r) => r.id);

describe('the incident form', () => {
  it('offers every incident an instructor may start, and not running out of disk', () => {
    expect(INJECTABLE_TYPES).not.toContain('shardFull');
    expect(INJECTABLE_TYPES.length).toBe(11);
  });

  it.each(INJECTABLE_TYPES)('%s: its defaults make a message the protocol accepts, for one team and for all', (type) => {
    for (const team of ['all', 'team-3']) {
      const draft = draftFor(type, team, REGIONS);
      expect(draftProblems(draft, REGIONS)).toEqual([]);
      const message = injectMessage(draft, REGIONS);
      expect(message).not.toBeNull();
      expect(instructorMessageSchema.safeParse(message).success).toBe(true);
      if (message?.action !== 'inject') throw new Error('not an inject');
      expect(message.team).toBe(team);
      expect(injectedIncidentSchema.safeParse(message.incident).success).toBe(true);
      const fields = incidentFields(type);
      expect(message.incident.durationTicks === undefined).toBe(!fields.duration);
      expect(message.incident.region === undefined).toBe(!fields.region);
      expect(message.incident.peer === undefined).toBe(!fields.peer);
    }
  });

  it('turns strength into the sim magnitude (a share in %, a spike as ×)', () => {
    const deploy = injectMessage({ ...draftFor('badDeploy', 'all', REGIONS), strength: 40 }, REGIONS);
    expect(deploy?.action === 'inject' && deploy.incident.magnitude).toBeCloseTo(0.4);
    const spike = injectMessage({ ...draftFor('trafficSpike', 'all', REGIONS), strength: 5 }, REGIONS);
    expect(spike?.action === 'inject' && spike.incident.magnitude).toBe(5);
    const lag = injectMessage(draftFor('replicationLagSpike', 'all', REGIONS), REGIONS);
    expect(lag?.action === 'inject' && lag.incident.magnitude).toBe(120);
  });

  it('refuses what the room would: two same regions, a strength or a length out of range', () => {
    const partition = { ...draftFor('regionPartition', 'all', REGIONS), peer: REGIONS[0]! };
    expect(draftProblems(partition, REGIONS)).toContain('samePeer');
    expect(injectMessage(partition, REGIONS)).toBeNull();
    const tooLong = { ...draftFor('cdnOutage', 'all', REGIONS), durationMinutes: 721 };
    expect(draftProblems(tooLong, REGIONS)).toEqual(['duration']);
    expect(draftProblems({ ...tooLong, durationMinutes: 4 }, REGIONS)).toEqual(['duration']);
    expect(draftProblems({ ...tooLong, durationMinutes: 7.5 }, REGIONS)).toEqual(['duration']);
    expect(draftProblems({ ...draftFor('trafficSpike', 'all', REGIONS), strength: 11 }, REGIONS)).toEqual(['strength']);
    expect(draftProblems({ ...draftFor('dataCenterOutage', 'all', REGIONS), region: 'mars' }, REGIONS)).toEqual(['noRegions']);
  });

  it('needs two regions for a partition', () => {
    expect(possibleIn('regionPartition', ['ap'])).toBe(false);
    expect(possibleIn('regionPartition', REGIONS)).toBe(REGIONS.length >= 2);
    expect(possibleIn('dataCenterOutage', ['ap'])).toBe(true);
  });

  it('names a component only for one team (ids mean nothing across teams)', () => {
    const one = injectMessage({ ...draftFor('serverCrash', 'team-1', REGIONS), target: 'web-1' }, REGIONS);
    expect(one?.action === 'inject' && one.incident.target).toBe('web-1');
    const all = injectMessage({ ...draftFor('serverCrash', 'all', REGIONS), target: 'web-1' }, REGIONS);
    expect(all?.action === 'inject' && all.incident.target).toBeUndefined();
  });

  it('lists as targets the components the failure type names', () => {
    const view = teamView(createSim(loadPreset('sandbox'), 1));
    const base = view.components[0]!;
    const make = (id: string, kind: ComponentView['kind'], replicaOf?: string): ComponentView => ({
      ...base,
      id,
      kind,
      settings: replicaOf === undefined ? {} : { replicaOf },
    });
    const parts = [make('web-1', 'web'), make('db-2', 'db'), make('db-3', 'db', 'db-2'), make('cache-4', 'cache'), make('lb-5', 'lb')];
    const ids = (type: Parameters<typeof targetsFor>[0]) => targetsFor(type, parts).map((c) => c.id);
    expect(ids('serverCrash')).toEqual(['web-1', 'lb-5']);
    expect(ids('dbPrimaryFailure')).toEqual(['db-2']);
    expect(ids('replicaFailure')).toEqual(['db-3']);
    expect(ids('cacheNodeLoss')).toEqual(['cache-4']);
    expect(ids('trafficSpike')).toEqual([]);
  });
});
