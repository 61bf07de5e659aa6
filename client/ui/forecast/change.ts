/**
 * A planned change as the forecast asks it and as "Do it" sends it: the player's own commands,
 * where a later command may name a component an earlier `buy` of the change creates as `new-1`,
 * `new-2`… (shared/protocol/forecast.ts). Pure: gathering steps into one change renumbers those
 * references, and sending the change for real puts in the ids the buys actually got.
 */
import { CREATED_REF, type ForecastRequest } from '../../../shared/protocol/forecast';

export type PlannedCommand = ForecastRequest['change'][number];

/** The fields of a command that may name a component. */
const ID_FIELDS = ['id', 'from', 'to', 'replicaOf'] as const;

/** How a change names the component its n-th buy creates (1-based). */
export function newRef(n: number): string {
  return `new-${n}`;
}

/** The 1-based number of the buy a field refers to, or null when it names an existing component. */
export function createdRef(value: string): number | null {
  const match = CREATED_REF.exec(value);
  return match === null ? null : Number(match[1]);
}

/** The command with each component reference passed through `rename` (null: leave it). */
function renamed(command: PlannedCommand, rename: (value: string) => string | null): PlannedCommand {
  const copy: Record<string, unknown> = { ...command };
  for (const field of ID_FIELDS) {
    const value = copy[field];
    if (typeof value !== 'string') continue;
    const next = rename(value);
    if (next !== null) copy[field] = next;
  }
  return copy as PlannedCommand;
}

function buysIn(commands: readonly PlannedCommand[]): number {
  return commands.filter((command) => command.type === 'buy').length;
}

/**
 * Several planned steps as one change: each step numbers its own buys from `new-1`, so a later
 * step's references move up by the buys before it.
 */
export function combineSteps(steps: readonly (readonly PlannedCommand[])[]): PlannedCommand[] {
  const change: PlannedCommand[] = [];
  for (const step of steps) {
    const before = buysIn(change);
    for (const command of step)
      change.push(
        renamed(command, (value) => {
          const n = createdRef(value);
          return n === null ? null : newRef(n + before);
        }),
      );
  }
  return change;
}

/**
 * The command with `new-n` replaced by the id the n-th buy really created (`created[n - 1]`); null
 * when one it names was not created (that buy was refused, or has not been sent yet).
 */
export function withCreatedIds(command: PlannedCommand, created: readonly (string | null)[]): PlannedCommand | null {
  let missing = false;
  const result = renamed(command, (value) => {
    const n = createdRef(value);
    if (n === null) return null;
    const id = created[n - 1] ?? null;
    if (id === null) missing = true;
    return id;
  });
  return missing ? null : result;
}

/** The buy that creates `new-n` in a change (to name the component before it exists). */
export function createdBy(change: readonly PlannedCommand[], n: number): Extract<PlannedCommand, { type: 'buy' }> | null {
  const buys = change.filter((command): command is Extract<PlannedCommand, { type: 'buy' }> => command.type === 'buy');
  return buys[n - 1] ?? null;
}
