/** The workshop setup offers the instructor's saved scenarios with what the setup says of each: its texts, its own length and speed. */
import { describe, expect, it } from 'vitest';
import { setIn } from '../../../client/ui/editor/document';
import { shippedDocument } from '../../../client/ui/editor/shipped';
import { savedChoice } from '../../../client/ui/workshop/setupOptions';

describe('a saved scenario in the workshop setup', () => {
  it('reads its name, description, length and speed from the saved document', () => {
    let doc = setIn(shippedDocument('sandbox')!, ['id'], 'tuesday');
    doc = setIn(doc, ['name'], { en: 'Tuesday class', ko: '화요일 수업' });
    doc = setIn(doc, ['objectives', 'durationTicks'], 2880);
    expect(savedChoice('custom-0123456789ab', doc)).toEqual({
      id: 'custom-0123456789ab',
      name: { en: 'Tuesday class', ko: '화요일 수업' },
      description: doc.description,
      chapter: null,
      durationTicks: 2880,
      startSpeed: 8,
    });
  });

  it('opens at 1× and runs until ended when the document says neither; offers nothing for a document that is no scenario', () => {
    const chapter = shippedDocument('02-two-tiers')!;
    const open = setIn(setIn(chapter, ['objectives'], { latencyMs: 300, availability: 0.99 }), ['startSpeed'], 4);
    const { startSpeed: _speed, ...withoutSpeed } = open;
    expect(savedChoice('custom-000000000001', withoutSpeed)).toMatchObject({ durationTicks: null, startSpeed: 1 });
    expect(savedChoice('custom-000000000002', { id: 'broken' })).toBeNull();
  });
});
