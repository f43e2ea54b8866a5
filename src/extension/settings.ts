// ChronoLens's settings, read with their types checked: settings.json is JSON anyone can write (a
// workspace's, possibly untrusted, too), and VS Code hands over whatever value is there. A value
// of the wrong type counts as not set: the manifest's default applies.
import * as vscode from 'vscode';

const DEFAULT_LANGUAGES = ['article', 'markdown', 'plaintext'];
const DEFAULT_MAX_ARTICLE_SIZE = 2_000_000;

function value(scope: vscode.ConfigurationScope | undefined, key: string): unknown {
  return vscode.workspace.getConfiguration('chronolens', scope).get<unknown>(key);
}

/** `chronolens.languages`: the language ids (strings) of the list; the default when it is no list. */
export function languagesSetting(scope?: vscode.ConfigurationScope): string[] {
  const v = value(scope, 'languages');
  return Array.isArray(v) ? v.filter((l): l is string => typeof l === 'string') : DEFAULT_LANGUAGES;
}

/** `chronolens.maxArticleSize`: a number of characters, not negative; the default otherwise. */
export function maxArticleSizeSetting(scope?: vscode.ConfigurationScope): number {
  const v = value(scope, 'maxArticleSize');
  return typeof v === 'number' && v >= 0 && !Number.isNaN(v) ? v : DEFAULT_MAX_ARTICLE_SIZE;
}

/** A true/false setting (`chronolens.<key>`); `fallback` when it is not a boolean. */
export function flagSetting(scope: vscode.ConfigurationScope | undefined, key: string, fallback: boolean): boolean {
  const v = value(scope, key);
  return typeof v === 'boolean' ? v : fallback;
}
