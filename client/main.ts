// Placeholder client: shows that the game server is up by printing its /healthz answer.
// The Phaser client replaces this file.

// A bundled Hangul font: machines without Korean fonts would otherwise show empty boxes.
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';

const statusLine = document.querySelector<HTMLParagraphElement>('#health-status');
const body = document.querySelector<HTMLPreElement>('#health-body');

/** Fetches /healthz from the serving origin and shows the JSON, or a bilingual error. */
async function showHealth(): Promise<void> {
  if (!statusLine || !body) return;
  try {
    const response = await fetch('/healthz', { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const health: unknown = await response.json();
    statusLine.textContent = 'OK · 정상';
    statusLine.className = 'ok';
    body.textContent = JSON.stringify(health, null, 2);
    body.hidden = false;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    statusLine.textContent = `Could not reach the server (${reason}). Is it running? Try "npm start". · 서버에 연결할 수 없습니다. "npm start"로 서버를 실행해 보세요.`;
    statusLine.className = 'error';
  }
}

void showHealth();
