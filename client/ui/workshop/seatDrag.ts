/**
 * Moving a participant by drag and drop (HTML5): a participant's row carries its seat id under
 * its own data type, and a team (its card in the grid, its group in the participants panel) takes
 * the drop and sends `move`. The keyboard and menu way is the "Move to" list on each row.
 */
import type { UiClient } from '../uiClient';

/** The drag data type: only a participant's row sets it, so other drags are not taken. */
const SEAT_DRAG_TYPE = 'application/x-scale-up-seat';

export function seatDragStart(seatId: string) {
  return (event: DragEvent) => {
    event.dataTransfer?.setData(SEAT_DRAG_TYPE, seatId);
    event.dataTransfer?.setData('text/plain', seatId);
    if (event.dataTransfer !== null) event.dataTransfer.effectAllowed = 'move';
  };
}

function carriesSeat(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes(SEAT_DRAG_TYPE);
}

/** The handlers that make an element a drop target for `team`; `over` lights it while a seat is above it. */
export function teamDropTarget(client: UiClient, team: string, over: (on: boolean) => void) {
  return {
    onDragOver: (event: DragEvent) => {
      if (!carriesSeat(event)) return;
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'move';
      over(true);
    },
    onDragLeave: () => over(false),
    onDrop: (event: DragEvent) => {
      over(false);
      const seat = event.dataTransfer?.getData(SEAT_DRAG_TYPE) ?? '';
      if (seat === '') return;
      event.preventDefault();
      client.instruct({ action: 'move', seat, team });
    },
  };
}
