// The one place article text becomes Markdown. Everything that came from the article (dates as
// written, entity names, passage words, section titles) goes through `escapeMarkdown`, so text
// such as `[x](command:workbench.action.quit)` or `<img src=x onerror=alert(1)>` shows as text.
import * as vscode from 'vscode';
import type { RevealEventArgs } from './commandIds';

/** Every ASCII punctuation character: CommonMark lets each be backslash-escaped to a literal. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Article text as literal Markdown text: every ASCII punctuation character backslash-escaped
 * (which also defeats raw HTML, links, autolinks, emphasis, code spans and table pipes), and
 * whitespace runs (line breaks included) folded into one space so a passage stays one paragraph.
 */
export function escapeMarkdown(text: string): string {
  return clip(text).replace(/\s+/g, ' ').replace(ASCII_PUNCTUATION, (c) => `\\${c}`);
}

/** The most characters of one piece of article text a card shows: VS Code takes ~26 s (extension host blocked) to pass on a hover holding a 60,000-character word. */
const MAX_TEXT = 1000;

function clip(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  return `${Array.from(text.slice(0, MAX_TEXT + 1)).slice(0, MAX_TEXT - 1).join('')} …`;
}

/** A Markdown inline code span for values the tagger produced (EDTF, ISO dates); escaped text otherwise. */
export function codeSpan(value: string): string {
  return /^[0-9A-Za-z\-/~?%.,[\]{}+: ]+$/.test(value) ? `\`${value}\`` : escapeMarkdown(value);
}

/**
 * A command link. `label` is article text (escaped here); `title` is ChronoLens's own words
 * (escaped too, quotes included); the arguments are URL-encoded JSON, passed as one argument.
 */
export function commandLink(label: string, command: string, args: unknown, title?: string): string {
  const uri = `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
  const tooltip = title ? ` "${escapeMarkdown(title).replace(/"/g, '\\"')}"` : '';
  return `[${escapeMarkdown(label)}](${uri}${tooltip})`;
}

/** Arguments pointing at one event of one document. */
export function eventArgs(document: vscode.TextDocument, eventId: string): RevealEventArgs {
  return { uri: document.uri.toString(), eventId };
}

/**
 * A Markdown string that may run exactly `commands` from its links, and renders no HTML and no
 * `$(icon)` syntax (article text could spell one).
 */
export function trustedMarkdown(value: string, commands: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value, false);
  md.isTrusted = { enabledCommands: [...commands] };
  md.supportHtml = false;
  return md;
}
