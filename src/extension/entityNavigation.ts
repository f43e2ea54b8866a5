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

/** Per index: normalized name or alias → entity (built once, on first use). */
const entitiesByName = new WeakMap<ArticleIndex, Map<string, Entity>>();

function entityNamed(index: ArticleIndex, name: string): Entity | undefined {
  let byName = entitiesByName.get(index);
  if (!byName) {
    byName = new Map();
    // Canonical names first, so an alias never shadows another entity's name.
    for (const entity of index.data.entities) if (!byName.has(normalizeName(entity.name))) byName.set(normalizeName(entity.name), entity);
    for (const entity of index.data.entities) {
      for (const alias of entity.aliases) if (!byName.has(normalizeName(alias))) byName.set(normalizeName(alias), entity);
    }
    entitiesByName.set(index, byName);
  }
  return byName.get(normalizeName(name));
}

/** The entity a wiki link points at: its target (then its label) matched to a name or alias. */
export function entityOfWikiLink(index: ArticleIndex, link: WikiLink): Entity | undefined {
  for (const candidate of [link.target.split('#')[0], link.label]) {
    const found = candidate.trim() ? entityNamed(index, candidate) : undefined;
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

/** Every place the entity is named: its mentions, a wiki link to it standing for the mention inside it. */
export function occurrencesOf(index: ArticleIndex, entity: Entity): Span[] {
  const links = index.data.wikiLinks.filter((link) => entityOfWikiLink(index, link) === entity);
  // "[[Anwar Sadat|the new president]]" names Anwar Sadat as a whole, target and label.
  const spans: Span[] = entity.mentions.filter((m) => !links.some((l) => l.start <= m.start && m.end <= l.end));
  spans.push(...links);
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
