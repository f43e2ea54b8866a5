import type { ArticleIndex } from './articleIndex';

/** The `chronolens.index/1` object the CLI prints (see shared/spec/index-json.md). */
export function toIndexJson(file: string, index: ArticleIndex): object {
  const { data } = index;
  return {
    schema: 'chronolens.index/1',
    file,
    title: data.title,
    sections: data.sections.map(({ title, level, start, end }) => ({ title, level, start, end })),
    dates: data.dates.map((d) => ({
      id: d.id,
      start: d.start,
      end: d.end,
      text: d.text,
      edtf: d.edtf,
      precision: d.precision,
      earliest: d.earliest,
      latest: d.latest,
      inferred: d.inferred,
      type: d.type,
      ...(d.mod ? { mod: d.mod } : {}),
      ...(d.anchor ? { anchor: d.anchor.dateId } : {}),
      ...(d.problem ? { problem: d.problem } : {}),
    })),
    entities: data.entities.map(({ id, name, type, aliases, mentions }) => ({ id, name, type, aliases, mentions })),
    events: index.timeline.map(({ id, start, end, section, dates, entities, text }) => ({ id, start, end, section, dates, entities, text })),
  };
}
