/**
 * The Action's bridge to the core: the same functions the CLI commands
 * call (loadConnector → resolvePlan → lint → buildImage → verifyImage →
 * runPublish), their results reduced to a ConnectorOutcome.
 */
import { notImplemented } from '../errors.js';
import type { ConnectorRunner } from './run.js';

export const coreRunner: ConnectorRunner = {
  async run(_dir, ctx) {
    throw notImplemented(`build-connector action: command ${ctx.command}`);
  },
  async releasePlan() {
    throw notImplemented('build-connector action: release-tag flow');
  },
};
