/**
 * Strict handlebars: an unknown variable is an error (`strict: true`), HTML
 * escaping is off (`noEscape: true`) and replaced by the Dockerfile-safe
 * helpers of escape.ts. Templates come from `--templates DIR/<language>/`
 * first, then the bundled `templates/<language>/`.
 */
import { readdir, stat } from 'node:fs/promises';
import { optionalInputFile, readBoundedFile } from '../fs-util.js';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { BcError } from '../errors.js';
import { dq, execForm, image, labelKey, word, words } from './escape.js';
import { builtinTemplatesDir } from './assets.js';

type TemplateEnv = ReturnType<typeof Handlebars.create>;

// Environments and compiled templates are kept per process: linting or
// rendering 600 connectors of one language compiles its template once.
const envs = new Map<string, TemplateEnv>();
type Compiled = ReturnType<TemplateEnv['compile']>;
const compiledByEnv = new WeakMap<TemplateEnv, Map<string, Compiled>>();

export function createEnv(partials: Record<string, string> = {}): TemplateEnv {
  const key = JSON.stringify(Object.entries(partials).sort(([a], [b]) => a.localeCompare(b)));
  const known = envs.get(key);
  if (known) return known;
  const hb = newEnv(partials);
  envs.set(key, hb);
  return hb;
}

function compiledFor(env: TemplateEnv, text: string): Compiled {
  let byText = compiledByEnv.get(env);
  if (!byText) {
    byText = new Map();
    compiledByEnv.set(env, byText);
  }
  let c = byText.get(text);
  if (!c) {
    c = env.compile(text, { strict: true, noEscape: true });
    byText.set(text, c);
  }
  return c;
}

function newEnv(partials: Record<string, string>): TemplateEnv {
  const hb = Handlebars.create();
  hb.registerHelper('dq', (v: unknown) => dq(v));
  hb.registerHelper('word', (v: unknown) => word(v));
  hb.registerHelper('words', (v: unknown) => words(v));
  hb.registerHelper('json', (v: unknown) => execForm(v));
  hb.registerHelper('image', (v: unknown) => image(v));
  hb.registerHelper('label', (k: unknown, v: unknown) => `${labelKey(k)}=${dq(v)}`);
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  for (const [name, text] of Object.entries(partials)) hb.registerPartial(name, text);
  return hb;
}

/**
 * Handlebars' `strict` checks plain `{{a.b}}` lookups only, not helper
 * arguments (`{{dq a.typo}}`) or block conditions (`{{#if a.typo}}`). A proxy
 * around every object of the context makes any unknown key an error there too.
 */
function strictContext<T>(value: T, path = ''): T {
  if (Array.isArray(value)) return value.map((v, i) => strictContext(v, `${path}.${i}`)) as T;
  if (value === null || typeof value !== 'object') return value;
  const wrapped: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) wrapped[k] = strictContext(v, path ? `${path}.${k}` : k);
  return new Proxy(wrapped, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && !(prop in target)) {
        throw new BcError('badInput', `unknown variable "${path ? `${path}.` : ''}${prop}"`, {
          details: ['fix: templates are strict: use only the variables listed in README "Templates"'],
        });
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  }) as T;
}

/** Render a template file strictly; errors name the template. */
export function renderTemplate(env: TemplateEnv, text: string, context: object, file: string): string {
  let out: string;
  try {
    const compiled = compiledFor(env, text);
    out = compiled(strictContext(context));
  } catch (err) {
    if (err instanceof BcError) throw new BcError(err.kind, `${file}: ${err.message}`, { details: err.details });
    const msg = err instanceof Error ? err.message.split('\n').slice(0, 3).join(' ') : String(err);
    throw new BcError('badInput', `${file}: template error: ${msg}`, {
      details: ['fix: templates are strict: use only the variables listed in README "Templates"'],
    });
  }
  // collapse the blank lines left by block helpers, keep one trailing newline
  return `${out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

interface TemplateFolder {
  language: string;
  dir: string;
  dockerfile: { path: string; text: string };
  dockerignore: { path: string; text: string } | undefined;
  /** `_partials/*.hbs` from the bundled and the user's templates folder */
  partials: Record<string, string>;
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function readOptional(p: string): Promise<string | undefined> {
  // a template that is a FIFO or a device is refused, not waited on
  return (await optionalInputFile(p, { kind: 'template' })) === 'file' ? readBoundedFile(p, { kind: 'template' }) : undefined;
}

async function loadPartials(dir: string, into: Record<string, string>): Promise<void> {
  const pdir = join(dir, '_partials');
  if (!(await isDir(pdir))) return;
  for (const f of (await readdir(pdir)).sort()) {
    if (f.endsWith('.hbs')) into[f.slice(0, -4)] = await readBoundedFile(join(pdir, f), { kind: 'template' });
  }
}

/** Languages available from the bundled folder and the user's. */
export async function availableLanguages(userDir?: string): Promise<string[]> {
  const names = new Set<string>();
  for (const d of [userDir, builtinTemplatesDir()]) {
    if (!d || !(await isDir(d))) continue;
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory() && !e.name.startsWith('_') && (await readOptional(join(d, e.name, 'Dockerfile.hbs'))) !== undefined) names.add(e.name);
    }
  }
  return [...names].sort();
}

/** The template folder for a language, or undefined when none exists. */
export async function findTemplate(language: string, userDir?: string): Promise<TemplateFolder | undefined> {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(language)) return undefined;
  const partials: Record<string, string> = {};
  await loadPartials(builtinTemplatesDir(), partials);
  if (userDir) {
    if (!(await isDir(userDir))) throw new BcError('badInput', `--templates ${userDir}: not a directory`);
    await loadPartials(resolve(userDir), partials);
  }
  for (const base of [userDir ? resolve(userDir) : undefined, builtinTemplatesDir()]) {
    if (!base) continue;
    const dir = join(base, language);
    const text = await readOptional(join(dir, 'Dockerfile.hbs'));
    if (text === undefined) continue;
    const ignorePath = join(dir, 'dockerignore.hbs');
    const ignore = await readOptional(ignorePath);
    return {
      language,
      dir,
      dockerfile: { path: join(dir, 'Dockerfile.hbs'), text },
      dockerignore: ignore === undefined ? undefined : { path: ignorePath, text: ignore },
      partials,
    };
  }
  return undefined;
}
