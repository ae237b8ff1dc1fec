/**
 * Parse a connector's stdout, line by line. The platform reads stdout as
 * newline-delimited AirbyteMessages and drops (or chokes on) anything else,
 * so every line is judged on its own and reported with its line number.
 */
import { AirbyteMessageSchema, MESSAGE_TYPES, type AirbyteMessage, type AirbyteMessageType } from './messages.js';

export type LineResult =
  | { line: number; ok: true; message: AirbyteMessage }
  | { line: number; ok: false; problem: string; text: string; /** the known type it claimed, when only its schema failed */ type?: AirbyteMessageType };

const QUOTE_MAX = 120;

/** A line as a user can read it in one row: control characters escaped, long lines cut. */
export function quoteLine(text: string, max = QUOTE_MAX): string {
  // Escaped from a prefix only: a 20 MiB line is not copied to quote 120 characters of it.
  const escaped = JSON.stringify(text.slice(0, max + 1)).slice(1, -1);
  return escaped.length > max ? `${escaped.slice(0, max)}… (${text.length} chars)` : escaped;
}

export function parseMessageLine(text: string, line: number): LineResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { line, ok: false, text, problem: `stdout line ${line} is not JSON: "${quoteLine(text)}"` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { line, ok: false, text, problem: `stdout line ${line} is not a JSON object: "${quoteLine(text)}"` };
  }
  const type = (raw as Record<string, unknown>).type;
  if (typeof type !== 'string' || !(MESSAGE_TYPES as readonly string[]).includes(type)) {
    return {
      line,
      ok: false,
      text,
      problem: `stdout line ${line} has no valid AirbyteMessage type (got ${typeof type === 'string' ? `"${quoteLine(type, 40)}"` : JSON.stringify(type ?? null)?.slice(0, 40)}; expected one of ${MESSAGE_TYPES.join(', ')})`,
    };
  }
  const parsed = AirbyteMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    return { line, ok: false, text, type: type as AirbyteMessageType, problem: `stdout line ${line} is not a valid ${type} message: ${issues}` };
  }
  return { line, ok: true, message: parsed.data };
}

/**
 * Parse every non-empty line (blank lines are tolerated: the platform skips
 * them). Line numbers count all lines, so they match what the user sees when
 * running the connector by hand.
 */
export function parseMessages(lines: readonly string[]): LineResult[] {
  const out: LineResult[] = [];
  lines.forEach((l, i) => {
    const text = l.replace(/\r$/, '');
    if (text.trim() === '') return;
    out.push(parseMessageLine(text, i + 1));
  });
  return out;
}

export interface InvalidLine {
  line: number;
  problem: string;
  /** the type the line claimed, when it had a known one */
  type?: AirbyteMessageType;
}

/**
 * What the checks need of a run's stdout, and nothing more: counts by type,
 * the CONNECTION_STATUS answers, the CATALOG's stream names, RECORDs per
 * stream, the first invalid lines. Messages are not kept (a `read` may print
 * 64 MiB of RECORDs), so memory stays bounded whatever the connector prints.
 */
export interface MessageDigest {
  /** non-blank lines judged */
  lines: number;
  count: Partial<Record<AirbyteMessageType, number>>;
  connectionStatuses: { status: 'SUCCEEDED' | 'FAILED'; message?: string }[];
  catalogStreams: string[];
  recordStreams: Record<string, number>;
  invalid: InvalidLine[];
  invalidCount: number;
  invalidByType: Partial<Record<AirbyteMessageType, number>>;
  /** so many lines were invalid that the rest were not judged (the run fails anyway) */
  judgingStopped: boolean;
  /** the number of the last line judged */
  lastJudged: number;
}

/** Bounds of a digest: a hostile connector cannot grow it without end. */
export const DIGEST_LIMITS = { invalid: 5, statuses: 10, streams: 1000, name: 1024, judgeInvalid: 1000 } as const;

const keepName = (n: string) => (n.length <= DIGEST_LIMITS.name ? n : quoteLine(n, DIGEST_LIMITS.name));

/** Builds a MessageDigest one stdout line at a time (`push(text, lineNo)`). */
export class MessageCollector {
  private readonly d: MessageDigest = {
    lines: 0,
    count: {},
    connectionStatuses: [],
    catalogStreams: [],
    recordStreams: {},
    invalid: [],
    invalidCount: 0,
    invalidByType: {},
    judgingStopped: false,
    lastJudged: 0,
  };

  /**
   * Judge one line. Returns false once enough lines were invalid that the
   * run fails whatever follows: judging millions of junk lines (a `yes`)
   * costs minutes of CPU for nothing, so the rest go unjudged.
   */
  readonly push = (raw: string, line: number): boolean => {
    if (this.d.judgingStopped) return false;
    const text = raw.replace(/\r$/, '');
    this.d.lastJudged = line;
    if (/\S/.test(text)) this.add(parseMessageLine(text, line));
    if (this.d.invalidCount >= DIGEST_LIMITS.judgeInvalid) this.d.judgingStopped = true;
    return !this.d.judgingStopped;
  };

  add(r: LineResult): void {
    const d = this.d;
    d.lines += 1;
    if (!r.ok) {
      d.invalidCount += 1;
      const type = r.type;
      if (type) d.invalidByType[type] = (d.invalidByType[type] ?? 0) + 1;
      if (d.invalid.length < DIGEST_LIMITS.invalid) d.invalid.push({ line: r.line, problem: r.problem, ...(type ? { type } : {}) });
      return;
    }
    const m = r.message;
    d.count[m.type] = (d.count[m.type] ?? 0) + 1;
    if (m.type === 'CONNECTION_STATUS' && d.connectionStatuses.length < DIGEST_LIMITS.statuses) {
      const { status, message } = m.connectionStatus;
      d.connectionStatuses.push({ status, ...(message ? { message: quoteLine(message, 500) } : {}) });
    } else if (m.type === 'CATALOG') {
      for (const s of m.catalog.streams) if (d.catalogStreams.length < DIGEST_LIMITS.streams) d.catalogStreams.push(keepName(s.name));
    } else if (m.type === 'RECORD') {
      const name = keepName(m.record.stream);
      if (name in d.recordStreams || Object.keys(d.recordStreams).length < DIGEST_LIMITS.streams) d.recordStreams[name] = (d.recordStreams[name] ?? 0) + 1;
    }
  }

  digest(): MessageDigest {
    return this.d;
  }
}

/** A digest of a list of lines (tests, small outputs). */
export function digestLines(lines: readonly string[]): MessageDigest {
  const c = new MessageCollector();
  lines.forEach((l, i) => c.push(l, i + 1));
  return c.digest();
}

/** Narrow helper: all messages of one type. */
export function ofType<T extends AirbyteMessage['type']>(msgs: readonly AirbyteMessage[], type: T): Extract<AirbyteMessage, { type: T }>[] {
  return msgs.filter((m): m is Extract<AirbyteMessage, { type: T }> => m.type === type);
}
