import * as vscode from 'vscode';

/** The "ChronoLens" output channel: every failure is logged here once, with its context. */
export class Logger implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('ChronoLens', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  trace(message: string): void {
    this.channel.trace(message);
  }

  error(context: string, error: unknown): void {
    this.channel.error(`${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
