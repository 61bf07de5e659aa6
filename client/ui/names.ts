/** How components are named to the player: "Web server 3", "웹 서버 3번" (the id's number, which the diagram shows too). */
import type { ComponentKindName } from '../../shared/sim';
import { t } from '../i18n';

/** The number in an id such as web-3; the id itself when it has none. */
function idNumber(id: string): string {
  const match = /-(\d+)$/.exec(id);
  return match?.[1] ?? id;
}

export function componentLabel(id: string, kind: ComponentKindName): string {
  return t('ui.component.label', { kind: t(`kinds.${kind}.name`), n: idNumber(id) });
}

/** A label for an id whose kind is only known from the id's prefix (incident targets). */
export function labelForId(id: string): string {
  const kind = /^([a-zA-Z]+)-\d+$/.exec(id)?.[1];
  const known = ['lb', 'web', 'db', 'cache', 'cdn', 'sessionStore', 'queue', 'worker'];
  return kind !== undefined && known.includes(kind) ? componentLabel(id, kind as ComponentKindName) : id;
}
