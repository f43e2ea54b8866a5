// The `vscode` module as far as the features the bench times use it (bench/run.ts bundles the
// subject with this in its place): VS Code's value classes, plain, and a TextDocument whose
// positionAt is a binary search of line starts, as VS Code's is. It lets the extension host's work
// after an index update (diagnostics, semantic tokens, the outline) be timed outside VS Code; what
// VS Code itself does with the results (sending them to the renderer) is not in the figures.

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}

  compareTo(other: Position): number {
    return this.line - other.line || this.character - other.character;
  }
}

export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}

  union(other: Range): Range {
    return new Range(this.start.compareTo(other.start) <= 0 ? this.start : other.start, this.end.compareTo(other.end) >= 0 ? this.end : other.end);
  }

  intersection(other: Range): Range | undefined {
    const start = this.start.compareTo(other.start) >= 0 ? this.start : other.start;
    const end = this.end.compareTo(other.end) <= 0 ? this.end : other.end;
    return start.compareTo(end) > 0 ? undefined : new Range(start, end);
  }

  with(start: Position, end: Position): Range {
    return new Range(start, end);
  }
}

export class Location {
  constructor(
    readonly uri: Uri,
    readonly range: Range,
  ) {}
}

export enum DiagnosticSeverity {
  Error,
  Warning,
  Information,
  Hint,
}

export class Diagnostic {
  source?: string;
  code?: string;
  relatedInformation?: DiagnosticRelatedInformation[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity,
  ) {}
}

export class DiagnosticRelatedInformation {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}
}

export enum SymbolKind {
  Module = 1,
  Namespace = 2,
  Event = 23,
}

export class DocumentSymbol {
  children: DocumentSymbol[] = [];
  constructor(
    readonly name: string,
    readonly detail: string,
    readonly kind: SymbolKind,
    public range: Range,
    readonly selectionRange: Range,
  ) {}
}

export class SemanticTokensLegend {
  constructor(
    readonly tokenTypes: string[],
    readonly tokenModifiers: string[],
  ) {}
}

export class SemanticTokens {
  constructor(readonly data: Uint32Array) {}
}

export class Uri {
  constructor(private readonly value: string) {}

  static parse(value: string): Uri {
    return new Uri(value);
  }

  toString(): string {
    return this.value;
  }
}

/** A TextDocument over `text`, with what the features ask of one. */
export function standInDocument(text: string, uri = 'file:///bench/article.txt') {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  return {
    uri: Uri.parse(uri),
    version: 1,
    lineCount: lineStarts.length,
    getText: () => text,
    positionAt(offset: number): Position {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return new Position(lo, offset - lineStarts[lo]);
    },
  };
}
