// Entities as symbols: Go to Definition (the first, fullest mention), Find All References (every
// mention, whatever alias it uses) and highlights — from a mention or from inside a [[wiki link]].
import * as vscode from 'vscode';
import type { ArticleIndex, Entity, Span, WikiLink } from '../core';
import { type FeatureContext, guard, indexFor, registerForArticles, toRange } from './editorContext';

export interface EntityHit {
  entity: Entity;
  /** What the cursor is on: the mention, or the whole wiki link. */
  span: Span;
}

function normalizeName(name: string): string {
  return name.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The entity a wiki link points at: its target (then its label) matched to a name or alias. */
export function entityOfWikiLink(index: ArticleIndex, link: WikiLink): Entity | undefined {
  const candidates = [link.target.split('#')[0], link.label].map(normalizeName).filter(Boolean);
  for (const wanted of candidates) {
    const found = index.data.entities.find(
      (entity) => normalizeName(entity.name) === wanted || entity.aliases.some((alias) => normalizeName(alias) === wanted),
    );
    if (found) return found;
  }
  return undefined;
}

/** The entity at `offset`: a mention, else a wiki link whose target names an entity. */
export function entityAt(index: ArticleIndex, offset: number): EntityHit | undefined {
  const hit = index.mentionAt(offset);
  if (hit) return { entity: hit.entity, span: hit.mention };
  const link = index.data.wikiLinks.find((l) => l.start <= offset && offset <= l.end);
  const entity = link && entityOfWikiLink(index, link);
  return entity && link ? { entity, span: link } : undefined;
}

/** Every place the entity is named: its mentions, plus wiki links to it that are not already a mention. */
export function occurrencesOf(index: ArticleIndex, entity: Entity): Span[] {
  const spans: Span[] = [...entity.mentions];
  for (const link of index.data.wikiLinks) {
    if (spans.some((s) => s.start < link.end && link.start < s.end)) continue;
    if (entityOfWikiLink(index, link) === entity) spans.push(link);
  }
  return spans.sort((a, b) => a.start - b.start);
}

export function registerEntityNavigation(ctx: FeatureContext): void {
  const lookup = async (document: vscode.TextDocument, position: vscode.Position) => {
    const index = await indexFor(ctx.indexes, document);
    const hit = index && entityAt(index, document.offsetAt(position));
    return index && hit ? { index, hit } : undefined;
  };

  const provideDefinition = guard(ctx.log, 'definition', async (document: vscode.TextDocument, position: vscode.Position) => {
    const found = await lookup(document, position);
    if (!found) return undefined;
    const definition = found.index.definitionOf(found.hit.entity);
    const link: vscode.LocationLink = {
      originSelectionRange: toRange(document, found.hit.span),
      targetUri: document.uri,
      targetRange: toRange(document, definition),
      targetSelectionRange: toRange(document, definition),
    };
    return [link];
  });

  const provideReferences = guard(
    ctx.log,
    'references',
    async (document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext) => {
      const found = await lookup(document, position);
      if (!found) return undefined;
      const definition = found.index.definitionOf(found.hit.entity);
      return occurrencesOf(found.index, found.hit.entity)
        .filter((span) => context.includeDeclaration || span.start !== definition.start)
        .map((span) => new vscode.Location(document.uri, toRange(document, span)));
    },
  );

  const provideDocumentHighlights = guard(ctx.log, 'highlights', async (document: vscode.TextDocument, position: vscode.Position) => {
    const found = await lookup(document, position);
    if (!found) return undefined;
    const definition = found.index.definitionOf(found.hit.entity);
    return occurrencesOf(found.index, found.hit.entity).map(
      (span) =>
        new vscode.DocumentHighlight(
          toRange(document, span),
          span.start === definition.start ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read,
        ),
    );
  });

  registerForArticles(ctx, (selector) =>
    vscode.Disposable.from(
      vscode.languages.registerDefinitionProvider(selector, { provideDefinition }),
      vscode.languages.registerReferenceProvider(selector, { provideReferences }),
      vscode.languages.registerDocumentHighlightProvider(selector, { provideDocumentHighlights }),
    ),
  );
}
