/**
 * The explorer hydrates only once DuckDB's wasm has compiled (src/routes/explore/+page.ts), up to a
 * second after its buttons are on screen. The head script (./start-worker.js) keeps the buttons
 * pressed meanwhile; once hydrated, the explorer presses them again, in order, so none is lost.
 */
export function replayEarlyClicks(): void {
  const w = window as unknown as { __explorerClicks?: Element[] | null };
  const clicks = w.__explorerClicks ?? [];
  w.__explorerClicks = null; // the head script stops keeping presses
  for (const button of clicks) if (button.isConnected && button instanceof HTMLElement) button.click();
}
