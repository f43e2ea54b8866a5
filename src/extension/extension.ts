import * as vscode from 'vscode';
import { IndexService } from './indexService';
import { Logger } from './logger';
import { registerEditorContext } from './editorContext';
import { registerHover } from './hover';
import { registerGoToEvent } from './goToEvent';
import { registerEventNavigation } from './eventNavigation';
import { registerEntityNavigation } from './entityNavigation';
import { registerRelatedPassages } from './relatedPassages';
import { registerSymbols } from './symbols';
import { registerStatusBar } from './statusBar';
import { registerTimelinePanel } from './timelinePanel';
import { registerInlayHints } from './inlayHints';
import { registerDiagnostics } from './diagnostics';
import { registerQuickFixes } from './quickFixes';
import { registerSemanticTokens } from './semanticTokens';
import { TypingWatch } from './typingPause';

export function activate(context: vscode.ExtensionContext): void {
  const log = new Logger();
  const indexes = new IndexService(log, context.extensionUri);
  const typing = new TypingWatch();
  context.subscriptions.push(log, indexes, typing);
  // Features register here, one file each, all reading the shared IndexService.
  const features = { extension: context, indexes, typing, log };
  registerEditorContext(features);
  registerHover(features);
  registerGoToEvent(features);
  registerEventNavigation(features);
  registerEntityNavigation(features);
  registerRelatedPassages(features);
  registerSymbols(features);
  registerStatusBar(features);
  registerTimelinePanel(features);
  registerInlayHints(features);
  registerDiagnostics(features);
  registerQuickFixes(features);
  registerSemanticTokens(features);
  log.info('ChronoLens activated');
  for (const document of vscode.workspace.textDocuments) {
    if (indexes.isArticle(document)) void indexes.get(document);
  }
}

export function deactivate(): void {}
