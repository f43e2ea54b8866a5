// No `vscode`, no Node API: used by the extension host and by the index workers alike.

/**
 * Resolves in a later task of the event loop, after the messages that came in before it: long
 * work split there lets the editor (or a newer request) in between.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
