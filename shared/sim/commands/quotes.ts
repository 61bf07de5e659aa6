/**
 * What a command costs, known before it is sent: once (instances bought: the purchase price, never
 * refunded) and per day (the change in running cost once the command has done its work). The
 * command handlers charge exactly these one-off figures, and the client shows them beside every
 * action, from the same functions, so a menu never says one price and the game charges another.
 * The inputs are what a team's own view shows of a component (kind, size, instances bought or
 * ordered), so the client can quote without the full simulation state.
 */
import { FEATURES, purchasePrice, runningCostPerDay, type Feature, type SizeName } from '../rules/catalogue';
import type { ComponentKindName } from '../core/scenario';

export interface PricedComponent {
  kind: ComponentKindName;
  size: SizeName;
  /** Instances running or ordered. */
  planned: number;
}

export interface Quote {
  /** Paid when the command is applied. */
  oneOff: number;
  /** Change of the running cost per simulated day once the command has done its work (may be < 0). */
  perDay: number;
}

/** Buying `count` instances of `kind` at `size`. */
export function buyQuote(kind: ComponentKindName, size: SizeName, count: number, priceFactor: number): Quote {
  return { oneOff: purchasePrice(kind, size, priceFactor) * count, perDay: runningCostPerDay(kind, size, priceFactor) * count };
}

/** Moving every instance of `component` to `size`: the difference in purchase price, nothing back for a smaller size. */
export function resizeQuote(component: PricedComponent, size: SizeName, priceFactor: number): Quote {
  const { kind, planned } = component;
  return {
    oneOff: Math.max(0, purchasePrice(kind, size, priceFactor) * planned - purchasePrice(kind, component.size, priceFactor) * planned),
    perDay: (runningCostPerDay(kind, size, priceFactor) - runningCostPerDay(kind, component.size, priceFactor)) * planned,
  };
}

/**
 * Bringing a group (a component and the replicas that follow its instance count) to `count`
 * instances each, by scaling or by resharding into `count` shards: new instances are bought,
 * removed ones are not refunded.
 */
export function countQuote(group: readonly PricedComponent[], count: number, priceFactor: number): Quote {
  let oneOff = 0;
  let perDay = 0;
  for (const member of group) {
    oneOff += purchasePrice(member.kind, member.size, priceFactor) * Math.max(0, count - member.planned);
    perDay += runningCostPerDay(member.kind, member.size, priceFactor) * (count - member.planned);
  }
  return { oneOff, perDay };
}

/** Buying a team feature (monitoring, automation). */
export function featureQuote(feature: Feature, priceFactor: number): Quote {
  return { oneOff: FEATURES[feature].purchasePrice * priceFactor, perDay: FEATURES[feature].costPerDay * priceFactor };
}
