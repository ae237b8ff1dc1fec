/**
 * Every subcommand, in the order `--help` lists them. Each lives in its own
 * module so work on one never touches another.
 */
import type { Command } from 'commander';
import { register as doctor } from './doctor.js';
import { register as verify } from './verify.js';
import { register as lint } from './lint.js';
import { register as render } from './render.js';
import { register as base } from './base.js';
import { register as changed } from './changed.js';
import { register as merge } from './merge.js';
import { register as digestRecord } from './digest-record.js';
import { register as bake } from './bake.js';
import { register as build } from './build.js';
import { register as publish } from './publish.js';
import { register as tags } from './tags.js';
import { register as releasePlan } from './release-plan.js';

export function registerCommands(program: Command): void {
  render(program);
  lint(program);
  build(program);
  verify(program);
  publish(program);
  tags(program);
  releasePlan(program);
  doctor(program);
  changed(program);
  digestRecord(program);
  merge(program);
  bake(program);
  base(program);
}
