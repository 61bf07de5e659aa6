/** What checking or applying a command yields, and small helpers every command handler shares. */
import { purchasePrice, type SizeName } from '../catalogue';
import type { ComponentKindName } from '../scenario';
import type { ComponentState, RejectReason, SimState } from '../state';

export type CommandResult = { ok: true; createdId: string | null } | { ok: false; reason: RejectReason };

export const refuse = (reason: RejectReason): CommandResult => ({ ok: false, reason });
export const accepted: CommandResult = { ok: true, createdId: null };

export function findComponent(state: SimState, id: string): ComponentState | undefined {
  return state.components.find((c) => c.id === id);
}

export function price(state: SimState, kind: ComponentKindName, size: SizeName, count: number): number {
  return purchasePrice(kind, size, state.scenario.priceFactor) * count;
}

export function pay(state: SimState, amount: number): void {
  state.money -= amount;
  state.totals.spent += amount;
}

/** Instances a component has or has ordered. */
export function plannedInstances(component: ComponentState): number {
  return component.count + component.provisioning.length;
}
