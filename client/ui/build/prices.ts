/** Catalogue prices as the build panel shows them: the scenario's price factor applied, like the sim does. */
import {
  FEATURES,
  KINDS,
  purchasePrice,
  runningCostPerDay,
  SIZES,
  type ComponentKindName,
  type Feature,
  type SizeName,
} from '../../../shared/sim';

export interface Price {
  /** One-off price. */
  buy: number;
  /** Running cost per simulated day. */
  perDay: number;
}

/** The smallest size a kind is sold in: what the Buy button orders. */
function firstSize(kind: ComponentKindName): SizeName {
  return KINDS[kind].sizes[0] as SizeName;
}

export function kindPrice(kind: ComponentKindName, priceFactor: number, size: SizeName = firstSize(kind)): Price {
  return { buy: purchasePrice(kind, size, priceFactor), perDay: runningCostPerDay(kind, size, priceFactor) };
}

export function featurePrice(feature: Feature, priceFactor: number): Price {
  return { buy: FEATURES[feature].purchasePrice * priceFactor, perDay: FEATURES[feature].costPerDay * priceFactor };
}

/** vCPU and memory of a size, for the size picker ("Large · 4 vCPU · 8 GB"). */
export function sizeSpec(size: SizeName): { vcpu: number; memoryGb: number } {
  return { vcpu: SIZES[size].vcpu, memoryGb: SIZES[size].memoryGb };
}
