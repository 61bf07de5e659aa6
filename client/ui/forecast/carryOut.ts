/**
 * "Do it": a forecast change sent for real. The ids the forecast showed for new components are
 * only what they would have been then; by the time the player decides, someone may have bought
 * something else. So a buy whose component a later command names is sent first, and its own
 * outcome's `createdId` goes into the commands after it.
 */
import { createdRef, withCreatedIds, type PlannedCommand } from './change';

/** What the simulation did with a command sent for real; null when no answer came. */
export interface SentOutcome {
  ok: boolean;
  reason: string | null;
  createdId: string | null;
}

export interface ChangeSender {
  send(command: PlannedCommand): number;
  sendAndWait(command: PlannedCommand): Promise<SentOutcome | null>;
}

/** A command of the change that was not carried out, and why (a reason code of `reasons.*`, or the forecast's). */
export interface NotDone {
  index: number;
  reason: string;
}

/** Whether any command after `index` names the buy numbered `buyNumber`. */
function namedLater(change: readonly PlannedCommand[], index: number, buyNumber: number): boolean {
  return change
    .slice(index + 1)
    .some((command) => Object.values(command).some((value) => typeof value === 'string' && createdRef(value) === buyNumber));
}

/**
 * Sends the change's commands in order, leaving out those the forecast refused (they would be
 * refused again) and those naming a component that was not created. Resolves with what was left out.
 */
export async function carryOut(change: readonly PlannedCommand[], refused: ReadonlySet<number>, sender: ChangeSender): Promise<NotDone[]> {
  const created: Array<string | null> = [];
  const notDone: NotDone[] = [];
  for (const [index, command] of change.entries()) {
    const isBuy = command.type === 'buy';
    if (refused.has(index)) {
      if (isBuy) created.push(null);
      notDone.push({ index, reason: 'refused' });
      continue;
    }
    const real = withCreatedIds(command, created);
    if (real === null) {
      if (isBuy) created.push(null);
      notDone.push({ index, reason: 'unknown-reference' });
      continue;
    }
    if (isBuy && namedLater(change, index, created.length + 1)) {
      const outcome = await sender.sendAndWait(real);
      created.push(outcome?.ok === true ? outcome.createdId : null);
      if (outcome?.ok !== true) notDone.push({ index, reason: outcome?.reason ?? 'no-answer' });
      continue;
    }
    sender.send(real);
    if (isBuy) created.push(null);
  }
  return notDone;
}
