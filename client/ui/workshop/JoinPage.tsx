// Placeholder until the screen is built: the props are the contract App.tsx uses.
import type { ConnectionStatus } from '../../state/model';
import type { UiClient } from '../uiClient';

export function JoinPage(_props: { client: UiClient; status: ConnectionStatus; code: string }) {
  return <main class="su-start">JoinPage</main>;
}
