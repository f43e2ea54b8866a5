// The index data as it crosses from the worker to the extension host, without the texts of events,
// dates and mentions: each is a slice of the document text, which the host has already. The host
// puts them back as slices of its own copy of the text, so they take no memory of their own and
// the message is smaller and faster to receive. No `vscode`, no Node API.
import type { ArticleIndexData, TextSpan } from '../core/types';

/** A copy of `data` whose span texts are left out where they equal the text's slice. */
export function compactIndexData(data: ArticleIndexData, text: string): ArticleIndexData {
  const strip = <T extends TextSpan>(s: T): T => {
    if (s.text !== text.slice(s.start, s.end)) return s;
    const copy = { ...s } as Partial<T>;
    delete copy.text;
    return copy as T;
  };
  return {
    ...data,
    dates: data.dates.map(strip),
    events: data.events.map(strip),
    entities: data.entities.map((e) => ({ ...e, mentions: e.mentions.map(strip) })),
  };
}

/** Puts the left-out texts back (in place), as slices of `text`. */
export function expandIndexData(data: ArticleIndexData, text: string): ArticleIndexData {
  const fill = (s: TextSpan) => {
    if (s.text === undefined) s.text = text.slice(s.start, s.end);
  };
  data.dates.forEach(fill);
  data.events.forEach(fill);
  for (const e of data.entities) e.mentions.forEach(fill);
  return data;
}
