import * as vscode from 'vscode';
import { IndexService } from './indexService';
import { Logger } from './logger';

export function activate(context: vscode.ExtensionContext): void {
  const log = new Logger();
  const indexes = new IndexService(log);
  context.subscriptions.push(log, indexes);
  // Features register here, one file each, all reading the shared IndexService.
  log.info('ChronoLens activated');
  for (const document of vscode.workspace.textDocuments) {
    if (indexes.isArticle(document)) void indexes.get(document);
  }
}

export function deactivate(): void {}
