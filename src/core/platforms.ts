/**
 * The default platforms as the shells reach them (base, doctor). Apart from the facade core/index.ts because
 * shared/platforms.ts loads zod: the commands that need it load it with
 * themselves, not every command at start-up.
 */
export { DEFAULT_PLATFORMS } from '../shared/platforms.js';
