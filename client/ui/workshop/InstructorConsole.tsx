// Placeholder until the screen is built: the props are the contract App.tsx uses.
import type { ConnectionStatus, GameModel } from '../../state/model';
import type { UiClient } from '../uiClient';

export function InstructorConsole(_props: { client: UiClient; game: GameModel; status: ConnectionStatus }) {
  return <main class="su-start">InstructorConsole</main>;
}
