/**
 * Parse a connector's stdout, line by line. The platform reads stdout as
 * newline-delimited AirbyteMessages and drops (or chokes on) anything else,
 * so every line is judged on its own and reported with its line number.
 */
import { AirbyteMessageSchema, MESSAGE_TYPES, type AirbyteMessage } from './messages.js';

export type LineResult =
  | { line: number; ok: true; message: AirbyteMessage }
  | { line: number; ok: false; problem: string; text: string };

const QUOTE_MAX = 120;

/** A line as a user can read it in one row: control characters escaped, long lines cut. */
export function quoteLine(text: string, max = QUOTE_MAX): string {
  const escaped = JSON.stringify(text).slice(1, -1);
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
      problem: `stdout line ${line} has no valid AirbyteMessage type (got ${JSON.stringify(type ?? null)}; expected one of ${MESSAGE_TYPES.join(', ')})`,
    };
  }
  const parsed = AirbyteMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    return { line, ok: false, text, problem: `stdout line ${line} is not a valid ${type} message: ${issues}` };
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

export interface MessageSummary {
  messages: AirbyteMessage[];
  /** problems of invalid lines, in order */
  invalid: Extract<LineResult, { ok: false }>[];
  count: Partial<Record<AirbyteMessage['type'], number>>;
}

export function summarize(results: readonly LineResult[]): MessageSummary {
  const messages: AirbyteMessage[] = [];
  const invalid: Extract<LineResult, { ok: false }>[] = [];
  const count: MessageSummary['count'] = {};
  for (const r of results) {
    if (r.ok) {
      messages.push(r.message);
      count[r.message.type] = (count[r.message.type] ?? 0) + 1;
    } else invalid.push(r);
  }
  return { messages, invalid, count };
}

/** Narrow helper: all messages of one type. */
export function ofType<T extends AirbyteMessage['type']>(msgs: readonly AirbyteMessage[], type: T): Extract<AirbyteMessage, { type: T }>[] {
  return msgs.filter((m): m is Extract<AirbyteMessage, { type: T }> => m.type === type);
}
