// Hover cards: on a date, what it means and where it sits on the article's timeline; on an
// entity mention, who or what it is and the dated events it takes part in.
import * as vscode from 'vscode';
import type { ArticleIndex, DateMention, Entity, TimelineEvent } from '../core';
import { firstWords } from '../webview/viewModel';
import { Commands } from './commandIds';
import { dateMeaning, yearRange } from './dateWords';
import { type FeatureContext, firstDateOf, guard, indexFor, registerForArticles, toRange } from './editorContext';
import { entityAt } from './entityNavigation';
import { codeSpan, commandLink, escapeMarkdown, eventArgs, trustedMarkdown } from './markdown';

/** The only commands a hover's links may run. */
export const HOVER_COMMANDS = [Commands.revealEvent, Commands.showInTimeline, Commands.showRelatedPassages] as const;

/** The most events an entity's mini-timeline lists before "… and N more". */
const MINI_TIMELINE_LIMIT = 12;
/** Words of a passage shown beside each event linked from a hover. */
const HOVER_WORDS = 8;

export function registerHover(ctx: FeatureContext): void {
  const provideHover = guard(ctx.log, 'hover', async (document: vscode.TextDocument, position: vscode.Position) => {
    const index = await indexFor(ctx.indexes, document);
    if (!index) return undefined;
    return hoverAt(document, index, document.offsetAt(position));
  });
  registerForArticles(ctx, (selector) => vscode.languages.registerHoverProvider(selector, { provideHover }));
}

export function hoverAt(document: vscode.TextDocument, index: ArticleIndex, offset: number): vscode.Hover | undefined {
  const date = index.dateAt(offset);
  if (date) return new vscode.Hover(trustedMarkdown(dateCard(document, index, date), HOVER_COMMANDS), toRange(document, date));
  const hit = entityAt(index, offset);
  if (hit) return new vscode.Hover(trustedMarkdown(entityCard(document, index, hit.entity), HOVER_COMMANDS), toRange(document, hit.span));
  return undefined;
}

/** "3 November 1956 (1956-11-03)": an event's placing date as a short label (plain text). */
function eventDateLabel(index: ArticleIndex, event: TimelineEvent): string {
  const date = firstDateOf(index, event);
  return date.edtf && date.edtf !== date.text ? `${date.text} (${date.edtf})` : date.text;
}

function dateCard(document: vscode.TextDocument, index: ArticleIndex, date: DateMention): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(date.text)}** — ${escapeMarkdown(dateMeaning(index, date))}`);
  const value = date.edtf === null ? 'no EDTF value' : `EDTF ${codeSpan(date.edtf)}`;
  lines.push(`${value}${date.mod ? ` · modifier ${codeSpan(date.mod)}` : ''}${date.type !== 'DATE' ? ` · ${codeSpan(date.type)}` : ''}`);
  if (date.problem) lines.push(`⚠ ${escapeMarkdown(date.problem)}`);

  const event = index.eventAt(date.start);
  const span = index.span();
  if (!event) {
    lines.push('*Not part of a dated passage on the timeline.*');
    return lines.join('\n\n');
  }
  const rank = index.rankOf(event);
  const placing = firstDateOf(index, event);
  let where = `Event ${rank + 1} of ${index.timeline.length} in time`;
  if (span) where += ` · the article's timeline runs ${escapeMarkdown(yearRange(span.from.date.earliest!, span.to.date.latest!))}`;
  lines.push(where);
  if (placing !== date) lines.push(`This passage is placed on the timeline by ${escapeMarkdown(placing.text)}.`);

  const before = index.previousInTime(event);
  const after = index.nextInTime(event);
  const neighbour = (arrow: string, other: TimelineEvent | undefined, none: string) =>
    other
      ? `${arrow} ${commandLink(eventDateLabel(index, other), Commands.revealEvent, eventArgs(document, other.id), 'Go to this event')} — ${escapeMarkdown(firstWords(other.text, HOVER_WORDS))}`
      : `${arrow} *${none}*`;
  lines.push(
    [
      neighbour('Before:', before, 'nothing earlier in the article'),
      neighbour('After:', after, 'nothing later in the article'),
    ].join('  \n'),
  );

  const entities = index.entitiesOf(event);
  if (entities.length) lines.push(`In this passage: ${entities.map((e) => escapeMarkdown(e.name)).join(', ')}`);

  const links: string[] = [];
  if (before) links.push(commandLink('← Previous in time', Commands.revealEvent, eventArgs(document, before.id)));
  if (after) links.push(commandLink('Next in time →', Commands.revealEvent, eventArgs(document, after.id)));
  links.push(commandLink('Show in timeline', Commands.showInTimeline, eventArgs(document, event.id)));
  links.push(commandLink('Related passages', Commands.showRelatedPassages, eventArgs(document, event.id)));
  lines.push(links.join(' · '));
  return lines.join('\n\n');
}

function entityCard(document: vscode.TextDocument, index: ArticleIndex, entity: Entity): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entity.name)}** — ${escapeMarkdown(entity.type)}`);
  const facts: string[] = [];
  if (entity.aliases.length) facts.push(`Also written: ${entity.aliases.map(escapeMarkdown).join(', ')}`);
  const count = entity.mentions.length;
  facts.push(`Mentioned ${count} time${count === 1 ? '' : 's'}`);
  lines.push(facts.join('  \n'));

  const events = index.eventsOf(entity);
  if (events.length === 0) {
    lines.push('*Takes part in no dated event.*');
  } else {
    const items = events
      .slice(0, MINI_TIMELINE_LIMIT)
      .map((event) => `- ${commandLink(eventDateLabel(index, event), Commands.revealEvent, eventArgs(document, event.id), 'Go to this event')} — ${escapeMarkdown(firstWords(event.text, HOVER_WORDS))}`);
    if (events.length > MINI_TIMELINE_LIMIT) items.push(`- … and ${events.length - MINI_TIMELINE_LIMIT} more`);
    lines.push(`Dated events (${events.length}):\n\n${items.join('\n')}`);
  }
  return lines.join('\n\n');
}
