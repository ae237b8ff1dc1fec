/**
 * A connector's output, read as it arrives with bounded memory.
 *
 * stdout is newline-delimited AirbyteMessages: `LineSplitter` hands over one
 * complete line at a time and says STOP as soon as a line grows past the
 * per-line limit or the stream past the total limit — before the bytes
 * beyond are kept. A 300 MB line without a newline costs at most the
 * per-line limit, never 300 MB.
 *
 * stderr is logs (the platform copies it into the job log and never judges
 * it): `LineTail` keeps only the last lines, each cut to a width, for the
 * failure message, and counts the rest.
 */

interface LineLimits {
  /** a single line longer than this (bytes, without the newline) stops the stream */
  maxLineBytes: number;
  /** more bytes than this in all stops the stream */
  maxBytes: number;
}

/** Why a stream was stopped: which limit, and at which line (1-based). */
export interface OutputStop {
  limit: 'line' | 'total';
  bytes: number;
  line: number;
}

/** The Airbyte Cloud limit on one record (docs: "Size of a single record: 20MB"). */
export const MAX_LINE_BYTES = 20 * 1024 * 1024;
/** All of one command's stdout. verify samples a connector; it is not a sync. */
export const MAX_STDOUT_BYTES = 64 * 1024 * 1024;
/** The stderr tail shown in a failure: this many lines, each cut to this many bytes. */
const STDERR_TAIL_LINES = 20;
const STDERR_LINE_BYTES = 2048;

const NL = 0x0a;

export class LineSplitter {
  private parts: Buffer[] = [];
  private pending = 0;
  private total = 0;
  private lineNo = 0;
  private stopped: OutputStop | undefined;
  /** the consumer needs no more lines: they are only counted, not decoded */
  private muted = false;

  /** `onLine` returns false once it needs no more lines (the limits still apply). */
  constructor(
    private readonly limits: LineLimits,
    private readonly onLine: (text: string, line: number) => boolean | void,
  ) {}

  get stop(): OutputStop | undefined {
    return this.stopped;
  }

  /** bytes taken so far (all of them, up to the point a limit stopped the stream) */
  get bytes(): number {
    return this.total;
  }

  /** Feed a chunk; returns the stop once a limit is passed (later chunks are ignored). */
  push(chunk: Buffer): OutputStop | undefined {
    if (this.stopped) return this.stopped;
    let start = 0;
    while (start <= chunk.length) {
      const nl = chunk.indexOf(NL, start);
      const end = nl < 0 ? chunk.length : nl;
      const piece = end - start;
      // Count before keeping: what is over a limit is never copied.
      if (this.pending + piece > this.limits.maxLineBytes) return this.halt('line', this.lineNo + 1);
      if (this.total + piece + (nl < 0 ? 0 : 1) > this.limits.maxBytes) return this.halt('total', this.lineNo + 1);
      this.total += piece;
      if (nl < 0) {
        if (piece > 0) {
          // copied: a view would pin the whole chunk while the line grows
          this.parts.push(Buffer.from(chunk.subarray(start)));
          this.pending += piece;
        }
        return undefined;
      }
      this.total += 1;
      this.parts.push(chunk.subarray(start, nl));
      this.emit();
      start = nl + 1;
    }
    return undefined;
  }

  /** End of stream: the last line, if it had no newline. */
  end(): OutputStop | undefined {
    if (!this.stopped && this.pending > 0) this.emit();
    return this.stopped;
  }

  private emit(): void {
    this.lineNo += 1;
    if (this.muted) {
      this.parts = [];
      this.pending = 0;
      return;
    }
    const bytes = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts);
    this.parts = [];
    this.pending = 0;
    if (this.onLine(bytes.toString('utf8').replace(/\r$/, ''), this.lineNo) === false) this.muted = true;
  }

  private halt(limit: OutputStop['limit'], line: number): OutputStop {
    this.parts = [];
    this.pending = 0;
    this.stopped = { limit, bytes: limit === 'line' ? this.limits.maxLineBytes : this.limits.maxBytes, line };
    return this.stopped;
  }
}

/** The last lines of a log stream, each cut to a width; memory is bounded whatever arrives. */
export class LineTail {
  private lines: string[] = [];
  private current: Buffer[] = [];
  private currentBytes = 0;
  private cut = 0;
  private total = 0;

  constructor(
    private readonly maxLines = STDERR_TAIL_LINES,
    private readonly maxLineBytes = STDERR_LINE_BYTES,
  ) {}

  get bytes(): number {
    return this.total;
  }

  push(chunk: Buffer): void {
    this.total += chunk.length;
    // Only the last lines of a chunk can end up in the tail: find where they
    // start (native scans from the end) and skip the rest, so a log flood of
    // millions of short lines costs a few lines of work per chunk.
    let start = 0;
    let nl = chunk.lastIndexOf(NL);
    for (let n = 0; nl >= 0 && n < this.maxLines; n++) nl = nl === 0 ? -1 : chunk.lastIndexOf(NL, nl - 1);
    if (nl >= 0) {
      this.current = [];
      this.currentBytes = 0;
      this.cut = 0;
      start = nl + 1;
    }
    while (start <= chunk.length) {
      const next = chunk.indexOf(NL, start);
      const end = next < 0 ? chunk.length : next;
      this.keep(chunk.subarray(start, end));
      if (next < 0) return;
      this.close();
      start = next + 1;
    }
  }

  /** the tail: complete lines, then the unfinished one */
  tail(): string[] {
    const out = [...this.lines];
    if (this.currentBytes > 0 || this.cut > 0) out.push(this.render());
    return out.slice(-this.maxLines);
  }

  private keep(piece: Buffer): void {
    const room = this.maxLineBytes - this.currentBytes;
    if (room > 0 && piece.length > 0) {
      // copied: a subarray would pin the whole (64 KB) chunk
      const kept = Buffer.from(piece.subarray(0, room));
      this.current.push(kept);
      this.currentBytes += kept.length;
    }
    this.cut += Math.max(0, piece.length - Math.max(room, 0));
  }

  private close(): void {
    const text = this.render();
    this.current = [];
    this.currentBytes = 0;
    this.cut = 0;
    if (text.trim() === '') return;
    this.lines.push(text);
    if (this.lines.length > this.maxLines) this.lines.shift();
  }

  private render(): string {
    const text = Buffer.concat(this.current).toString('utf8').replace(/\r$/, '');
    return this.cut > 0 ? `${text}… (${this.cut} more bytes on this line)` : text;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
