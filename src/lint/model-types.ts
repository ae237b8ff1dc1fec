/**
 * The Dockerfile model's shapes: stages, the image state each produces and
 * where every value was set (lint/model.ts builds it, lint/instructions.ts
 * applies one instruction to a stage, the rules read it).
 */
import type { Dockerfile, From, Instruction } from 'dockerfile-ast';
import type { BaseFacts, FactOrigin, Finding, Pos } from './types.js';
import type { Evidence } from './ownership.js';

export interface Located<T> {
  value: T;
  pos: Pos;
  stage: Stage;
  /** variables whose value is unknown at lint time (the value keeps them as written) */
  unknown: string[];
  /** set when the value came from the base image's config (which image, known from where), not from the file */
  base?: FactOrigin;
}

interface EntrypointInfo {
  form: 'exec' | 'shell';
  /** exec form: the argv; shell form: [raw text] */
  argv: string[];
  /** position of each argv element (exec form), else of the text */
  argPos: Pos[];
  raw: string;
  /** shell form whose text starts with `[`: broken JSON, Docker silently runs it through /bin/sh -c */
  brokenJson: boolean;
  pos: Pos;
  stage: Stage;
  base?: FactOrigin;
}

export interface CopySource {
  value: string;
  pos: Pos;
}

interface CopyEvent {
  keyword: 'COPY' | 'ADD';
  sources: CopySource[];
  dest: string;
  /** the destination as an absolute path (WORKDIR applied) */
  destAbs: string;
  /** --from value when set (a stage name/index or an image) */
  from: string | undefined;
  pos: Pos;
  stage: Stage;
}

export interface ImageState {
  env: Map<string, Located<string>>;
  user: Located<string> | undefined;
  entrypoint: EntrypointInfo | undefined;
  workdir: Located<string> | undefined;
  volumes: Located<string>[];
  /** the last instruction that made /airbyte owned by airbyte (or took it away) */
  airbyteDir: (Evidence & { pos: Pos; stage: Stage; base?: FactOrigin }) | undefined;
  /** whether user airbyte exists: created by a RUN here (no `base`), or known from the base image's /etc/passwd */
  airbyteUser: { exists: boolean; how: string; pos: Pos; stage: Stage; base?: FactOrigin } | undefined;
}

export interface Stage {
  index: number;
  /** `AS name`, lower-cased (stage names are case-insensitive) */
  name: string | undefined;
  from: From;
  pos: Pos;
  /** position of the image reference */
  imagePos: Pos;
  /** the expanded image reference */
  image: string;
  imageUnknown: string[];
  /** the earlier stage this one builds on, when FROM names one */
  parent: Stage | undefined;
  instructions: Instruction[];
  state: ImageState;
  /** ARG values in scope at the end of the stage (a child stage starts with them) */
  args: Map<string, string | null>;
  copies: CopyEvent[];
  /** the base image facts this stage started from (external FROM that was resolved) */
  base?: BaseFacts;
}

export interface Model {
  df: Dockerfile;
  stages: Stage[];
  /** the stage that becomes the image (the last one, or the `target`) */
  final: Stage | undefined;
  fatal: Finding[];
}
