/**
 * Where the bundled `templates/` and `base-images/` folders are: next to
 * package.json, whether we run from src/ (tsx), dist/ (bundle) or an npm install.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'templates')) && existsSync(join(dir, 'base-images')) && existsSync(join(dir, 'package.json'))) {
      cachedRoot = dir;
      return dir;
    }
    dir = dirname(dir);
  }
  throw new Error('cannot find the build-connector package folder (templates/ and base-images/)');
}

export const builtinTemplatesDir = (): string => join(packageRoot(), 'templates');
export const builtinBasesDir = (): string => join(packageRoot(), 'base-images');
