import { UnitKind } from '../../unit/unit-kind';
import { normaliseUnitName } from '../../unit/unit-name-normalise';
import type { UnitRegistry } from '../registry/unit-registry';
import { inferUnitKind } from './unit-kind-inference';
import type { UnitMention } from '../model/unit-mention';

export interface UnitCellResult {
  units: UnitMention[];
  /** Things a reviewer should know about how the cell was read. */
  notes: string[];
}

interface Piece {
  text: string;
  line: number;
  /** First / last piece on its line: only such pieces can be halves of a wrapped name. */
  startsLine: boolean;
  endsLine: boolean;
}

/** A line holding only one of these after a name that is not known is the wrapped tail of that name. */
const WRAPPED_TAIL = /^(指挥部|成员单位|领导小组成员单位|领导小组|办公室|管委会|公司)$/;

/**
 * Reads a lead/co-unit cell. Names are separated by line breaks, runs of
 * spaces or 、; a long name may wrap onto the next line; two names may be
 * glued together; a parenthesised name belongs to the unit before it.
 * The registry decides between "wrapped" and "two names": a join is only
 * made when the joined text is a known name (or a bare wrapped tail).
 */
export function readUnitCell(lines: string[], registry: UnitRegistry): UnitCellResult {
  const notes: string[] = [];
  const tokens = mergeParentheses(splitPieces(lines));
  const units: UnitMention[] = [];
  const byName = new Map<string, UnitMention>();
  const push = (mention: UnitMention) => {
    const twin = byName.get(mention.name);
    if (twin) {
      notes.push(`${mention.writtenAs} is named twice in the cell; kept once`);
      twin.actingAs ??= mention.actingAs;
    } else {
      units.push(mention);
      byName.set(mention.name, mention);
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.paren) {
      const owner = units[units.length - 1];
      if (owner && owner.actingAs === null) owner.actingAs = token.text;
      else {
        notes.push(`（${token.text}） has no unit before it; read as a unit of its own`);
        push(resolve(token.text, registry));
      }
      continue;
    }
    const joined = tryJoinWrapped(tokens, i, registry);
    if (joined) {
      notes.push(`joined wrapped name ${joined.parts.join(' + ')} → ${joined.mention.writtenAs}`);
      push(joined.mention);
      i += joined.parts.length - 1;
      continue;
    }
    const direct = registry.lookup(token.text);
    if (direct) {
      push(known(direct.name, token.text, direct.kind));
      continue;
    }
    const glued = registry.splitGlued(token.text);
    if (glued) {
      notes.push(`split glued names ${token.text} → ${glued.map((e) => e.name).join(' + ')}`);
      glued.forEach((entry) => push(known(entry.name, entry.name, entry.kind)));
      continue;
    }
    push(resolve(token.text, registry));
  }
  return { units, notes };
}

function known(name: string, writtenAs: string, kind: UnitKind): UnitMention {
  return { name, writtenAs: normaliseUnitName(writtenAs), actingAs: null, kind, known: true };
}

function resolve(text: string, registry: UnitRegistry): UnitMention {
  const entry = registry.lookup(text);
  if (entry) return known(entry.name, text, entry.kind);
  const name = normaliseUnitName(text);
  const inferred = inferUnitKind(name);
  return { name, writtenAs: name, actingAs: null, kind: inferred?.kind ?? UnitKind.UNKNOWN, known: false, ...(inferred && { inferredBy: inferred.rule }) };
}

function splitPieces(lines: string[]): Piece[] {
  const pieces: Piece[] = [];
  lines.forEach((raw, line) => {
    const parts = raw
      .replace(/\(/g, '（')
      .replace(/\)/g, '）')
      .split(/[\s\u3000、，,；;]+/)
      // 区商务委（区招商中心） → 区商务委 | （区招商中心）
      .flatMap((part) => part.split(/(?=（)|(?<=）)/))
      .filter((part) => part.length > 0);
    parts.forEach((text, index) =>
      pieces.push({ text, line, startsLine: index === 0, endsLine: index === parts.length - 1 }),
    );
  });
  return pieces;
}

interface Token extends Piece {
  paren: boolean;
}

/** （歌乐山·磁器口 / 大景区建设指挥部） spans two lines: one parenthetical, brackets dropped. */
function mergeParentheses(pieces: Piece[]): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece.text.startsWith('（')) {
      tokens.push({ ...piece, paren: false });
      continue;
    }
    const parts = [piece.text];
    let open = depth(piece.text);
    let last = piece;
    // Depth kept as a running count: recounting the joined text on every piece is quadratic.
    while (open > 0 && i + 1 < pieces.length) {
      last = pieces[++i];
      parts.push(last.text);
      open += depth(last.text);
    }
    const text = parts.join('');
    tokens.push({ ...piece, endsLine: last.endsLine, text: text.replace(/^（/, '').replace(/）$/, ''), paren: true });
  }
  return tokens;
}

function depth(text: string): number {
  return (text.match(/（/g) ?? []).length - (text.match(/）/g) ?? []).length;
}

/** Joins 2–3 line-wrapped pieces when the whole is a known name, or when a bare tail (指挥部) follows an unknown head. */
function tryJoinWrapped(tokens: Token[], i: number, registry: UnitRegistry) {
  for (const count of [3, 2]) {
    const parts = tokens.slice(i, i + count);
    if (parts.length < count || parts.some((p) => p.paren)) continue;
    const wraps = parts.every((p, k) => k === 0 || (parts[k - 1].endsLine && p.startsLine && p.line === parts[k - 1].line + 1));
    if (!wraps) continue;
    const text = parts.map((p) => p.text).join('');
    const entry = registry.lookup(text);
    if (entry) return { parts: parts.map((p) => p.text), mention: known(entry.name, text, entry.kind) };
    const [head, tail] = parts;
    if (count === 2 && !registry.lookup(head.text) && WRAPPED_TAIL.test(tail.text) && !registry.lookup(tail.text)) {
      return { parts: parts.map((p) => p.text), mention: resolve(text, registry) };
    }
  }
  return undefined;
}
