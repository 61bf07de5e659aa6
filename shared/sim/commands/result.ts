/** What checking or applying a command yields, and small helpers every command handler shares. */
import type { ComponentState, RejectReason, SimState } from '../core/state';
import type { PricedComponent } from './quotes';

export type CommandResult = { ok: true; createdId: string | null } | { ok: false; reason: RejectReason };

export const refuse = (reason: RejectReason): CommandResult => ({ ok: false, reason });
/** The result of an accepted command that created nothing; shared by every handler, so frozen. */
export const accepted: CommandResult = Object.freeze({ ok: true, createdId: null });

export function findComponent(state: SimState, id: string): ComponentState | undefined {
  return state.components.find((c) => c.id === id);
}

export function pay(state: SimState, amount: number): void {
  state.money -= amount;
  state.totals.spent += amount;
}

/** Instances a component has or has ordered. */
export function plannedInstances(component: ComponentState): number {
  return component.count + component.provisioning.length;
}

/** What the price of a command on `component` depends on (see quotes.ts). */
export function priced(component: ComponentState): PricedComponent {
  return { kind: component.kind, size: component.size, planned: plannedInstances(component) };
}
