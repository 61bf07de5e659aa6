/**
 * Prices of the inspector's actions before they are taken, from the same quote functions the
 * simulation charges with (shared/sim/commands/quotes.ts), fed with what the team's view
 * shows of its components.
 */
import { countQuote, type PricedComponent, type Quote } from '../../../shared/sim/commands/quotes';
import type { ComponentView, TeamView } from '../../../shared/sim';
import { formatMoney, type Language, type t as translate } from '../../i18n';
import { plannedCount } from './figures';

export function priced(component: ComponentView): PricedComponent {
  return { kind: component.kind, size: component.size, planned: plannedCount(component) };
}

/** A database and the replicas that follow its instance count (scaling and resharding buy for all of them). */
function countGroup(team: TeamView, component: ComponentView): PricedComponent[] {
  return [component, ...team.components.filter((c) => c.settings.replicaOf === component.id)].map(priced);
}

export function countChangeQuote(team: TeamView, component: ComponentView, count: number, priceFactor: number): Quote {
  return countQuote(countGroup(team, component), count, priceFactor);
}

/** The change of running cost, signed: "+$24" or "−$12". */
export function signedMoney(lang: Language, amount: number): string {
  const text = formatMoney(lang, Math.abs(amount));
  return amount < 0 ? `−${text}` : `+${text}`;
}

/** A quote in words, through `key` (which takes oneOff and change). */
export function quoteText(t: typeof translate, lang: Language, quote: Quote, key: string): string {
  return t(key, { oneOff: formatMoney(lang, quote.oneOff), change: signedMoney(lang, quote.perDay) });
}
