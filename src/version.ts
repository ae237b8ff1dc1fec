// Replaced at bundle time by scripts/build.mjs; read from package.json in dev.
declare const __BC_VERSION__: string | undefined;
export const VERSION: string = typeof __BC_VERSION__ === 'string' ? __BC_VERSION__ : '0.0.0-dev';
