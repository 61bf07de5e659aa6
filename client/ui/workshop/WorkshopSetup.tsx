// Placeholder until the screen is built: the props are the contract App.tsx uses.
import type { ConnectionStatus } from '../../state/model';
import type { UiClient } from '../uiClient';

export function WorkshopSetup(_props: { client: UiClient; status: ConnectionStatus }) {
  return <main class="su-start">WorkshopSetup</main>;
}
