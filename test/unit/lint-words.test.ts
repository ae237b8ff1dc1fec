import { describe, expect, it } from 'vitest';
import { shellCommands, shellQuote, shellWords, splitShell } from '../../src/shared/shell-words.js';
import { expandWord, expandWords, type Lookup } from '../../src/lint/docker-words.js';
import { run } from '../../src/exec.js';

describe('shell-word splitting (AIRBYTE_ENTRYPOINT as a shell reads it)', () => {
  // verify's entrypoint checks and lint's RUN/ENTRYPOINT parsing share this splitter;
  // these are the cases where verify's former splitter read the line unlike a shell.
  it.each<[string, string[]]>([
    ['python /a.py; id', ['python', '/a.py', 'id']], // `;` ends a command (was the word "/a.py;")
    ['python "/a\\b.py"', ['python', '/a\\b.py']], // in double quotes a backslash escapes only $ ` " \ newline (was "/ab.py")
    ['python "/a\\\\b.py"', ['python', '/a\\b.py']],
    ['python \\\n/a.py', ['python', '/a.py']], // backslash-newline joins lines (was a word "\n/a.py")
  ])('%j → %j, as /bin/sh reads it', async (input, words) => {
    expect(shellWords(input)).toEqual(words);
    const r = await run('sh', ['-c', 'eval "set -- $1"; for a in "$@"; do printf "%s\\0" "$a"; done', 'sh', input.replace(';', '')]);
    expect(r.stdout.split('\0').slice(0, -1)).toEqual(words);
  });

  const cases: Array<[string, string[]]> = [
    ['python /airbyte/integration_code/main.py', ['python', '/airbyte/integration_code/main.py']],
    ['  python\t  /a.py  ', ['python', '/a.py']],
    ['', []],
    ["python '/airbyte/my dir/main.py'", ['python', '/airbyte/my dir/main.py']],
    ['python "/airbyte/my dir/main.py"', ['python', '/airbyte/my dir/main.py']],
    ['python /airbyte/my\\ dir/main.py', ['python', '/airbyte/my dir/main.py']],
    ["a'b'\"c\"d", ['abcd']],
    ["''", ['']],
    ['a "" b', ['a', '', 'b']],
    ['"say \\"hi\\" \\\\ \\$x"', ['say "hi" \\ $x']],
    ['"keep \\n backslash"', ['keep \\n backslash']],
    ["'no \\ escapes in single'", ['no \\ escapes in single']],
    ['a\\\nb', ['ab']],
    ['java -cp "/airbyte/lib/*" io.airbyte.Main', ['java', '-cp', '/airbyte/lib/*', 'io.airbyte.Main']],
    ['a=b c', ['a=b', 'c']],
  ];
  it.each(cases)('%j → %j', (input, words) => {
    expect(shellWords(input)).toEqual(words);
  });

  const hazards: Array<[string, string, string]> = [
    ['python /a.py; rm -rf /', 'operator', ';'],
    ['python /a.py && curl x', 'operator', '&&'],
    ['python /a.py | sh', 'operator', '|'],
    ['python /a.py > /tmp/out', 'operator', '>'],
    ['python /a.py $(cat /secrets/x)', 'command-substitution', '$(cat /secrets/x)'],
    ['python /a.py `id`', 'command-substitution', '`id`'],
    ['python "$(id)"', 'command-substitution', '$(id)'],
    ['python $APP', 'parameter-expansion', '$APP'],
    ['python "${APP}/main.py"', 'parameter-expansion', '${APP}'],
    ['python $1', 'parameter-expansion', '$1'],
    ['java -cp /airbyte/lib/* Main', 'glob', '*'],
    ['python ~/main.py', 'tilde', '~'],
    ['python /a.py # comment', 'comment', '# comment'],
    ['python /a.py\nid', 'newline', '\\n'],
    ['python "/a.py', 'unterminated-quote', '"/a.py'],
    ["python '/a.py", 'unterminated-quote', "'/a.py"],
  ];
  it.each(hazards)('%j has a %s hazard (%j)', (input, kind, text) => {
    const h = splitShell(input).hazards;
    expect(h.map((x) => [x.kind, x.text])).toContainEqual([kind, text]);
  });

  // The splitter stands in for the shell the platform uses: check it against a real one.
  it.each(cases)('agrees with /bin/sh on %j', async (input, words) => {
    const r = await run('sh', ['-c', 'eval "set -- $1"; for a in "$@"; do printf "%s\\0" "$a"; done', 'sh', input]);
    const fromShell = r.stdout === '' ? [] : r.stdout.split('\0').slice(0, -1);
    expect(fromShell).toEqual(words);
  });

  it('reports no hazard for quoted special characters', () => {
    expect(splitShell(`python -c 'import x; x.run()' "a|b" '$HOME' \\* "*"`).hazards).toEqual([]);
    expect(shellWords(`python -c 'import x; x.run()' "a|b" '$HOME' \\*`)).toEqual(['python', '-c', 'import x; x.run()', 'a|b', '$HOME', '*']);
  });

  it('splits RUN lines into commands, expanding known variables and dropping redirect targets', () => {
    const lookup = (n: string) => (n === 'DIR' ? '/airbyte' : undefined);
    expect(shellCommands('mkdir -p $DIR && chown -R airbyte:airbyte "${DIR}" > /dev/null; echo done | tee x', { lookup })).toEqual([
      ['mkdir', '-p', '/airbyte'],
      ['chown', '-R', 'airbyte:airbyte', '/airbyte'],
      ['echo', 'done'],
      ['tee', 'x'],
    ]);
    expect(shellCommands('set -eu; \\\n  case "$x" in a) echo a;; esac')).toContainEqual(['set', '-eu']);
  });

  it('quotes words so a shell reads them back unchanged', () => {
    for (const w of ['python', '/airbyte/a b.py', "it's", '$HOME', '', 'a;b', '*']) {
      expect(shellWords(shellQuote(w))).toEqual([w]);
    }
    expect(shellQuote('/airbyte/main.py')).toBe('/airbyte/main.py');
  });
});

describe('Dockerfile build-time expansion (ENV/ARG/COPY/WORKDIR/USER/FROM)', () => {
  const vars: Record<string, string | null> = { A: '/airbyte', EMPTY: '', UNKNOWN: null };
  const lookup: Lookup = (n) => (n in vars ? vars[n] : undefined);
  const cases: Array<[string, string]> = [
    ['$A/main.py', '/airbyte/main.py'],
    ['${A}/main.py', '/airbyte/main.py'],
    ['"python ${A}/main.py"', 'python /airbyte/main.py'],
    ["'python ${A}'", 'python ${A}'],
    ['\\$A', '$A'],
    ['"\\$A"', '$A'],
    ['${NOPE:-/default}', '/default'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${A:+set}', 'set'],
    ['${NOPE:+set}', ''],
    ['${NOPE}x', 'x'],
    ['a\\ b', 'a b'],
    ['"x \\"q\\""', 'x "q"'],
    ['cost: 5$', 'cost: 5$'],
    ['${NOPE:-${A}}/x', '/airbyte/x'],
  ];
  it.each(cases)('%j → %j', (raw, value) => {
    expect(expandWord(raw, lookup).value).toBe(value);
  });

  it('keeps unknown values as written and reports them; reports undeclared ones', () => {
    const e = expandWord('python ${UNKNOWN}/main.py $NOPE', lookup);
    expect(e.value).toBe('python ${UNKNOWN}/main.py ');
    expect(e.unknown).toEqual(['UNKNOWN']);
    expect(e.undeclared).toEqual(['NOPE']);
  });

  it('honours the escape directive', () => {
    expect(expandWord('C:\\app `$A', lookup, '`').value).toBe('C:\\app $A');
  });

  it('splits words on unquoted whitespace only', () => {
    expect(expandWords('"/a b" /c $A', lookup).words).toEqual(['/a b', '/c', '/airbyte']);
  });
});
