/**
 * What the logging rules judge: loggers, followed to where they are made, with the fields they bind to
 * every record; and log calls, with the logger they write through and the fields of their own record.
 */
import type { TSESTree } from '@typescript-eslint/utils';

import type { LoggerLibraryName } from '../../knowledge/logging/types.js';

/** Field names (nested ones dotted: `trace.id`), and whether something we cannot read may add others. */
export interface FieldSet {
  readonly names: readonly string[];
  /** A mixin, format, spread or value we cannot read may add any field: nothing is reported as missing. */
  readonly open: boolean;
}

/** A place in a module of the program: absolute file name, 1-based line and column. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Logger {
  readonly library: LoggerLibraryName;
  /** How the code that makes it names it: `logger`, `this.logger`, `req.log`, `pino()`. */
  readonly name: string;
  /** Where it is made (for a child, the `child()` call). */
  readonly madeAt: SourcePosition;
  /** The logger whose options every child shares: where a fix for the whole chain belongs. */
  readonly root: { readonly name: string; readonly madeAt: SourcePosition; readonly library: LoggerLibraryName };
  /** Fields bound to every record it writes. */
  readonly fields: FieldSet;
  /** Made by `child()` on the root (directly or down a chain), rather than being the root or writing through it. */
  readonly isChild?: boolean;
  /** What supplies fields from outside the logger's code (OpenTelemetry log correlation), for the inventory. */
  readonly suppliedBy?: string;
  /** A bound field that carries the incoming trace id under another name: `req.id` taken from the `x-request-id` header. */
  readonly traceIdFrom?: string;
}

export interface LogCall {
  readonly node: TSESTree.CallExpression;
  readonly method: string;
  /** The receiver as written: `logger`, `this.logger`, `req.log`, `console`. */
  readonly receiver: string;
  /** Undefined for console, which writes unstructured text. */
  readonly logger: Logger | undefined;
  /** Fields of the call's own record. */
  readonly record: FieldSet;
  /** Written at the top level of a module: it runs once, at start-up, outside any request. */
  readonly atModuleScope: boolean;
}

/** A logger made in the linted file, for the inventory. */
export interface MadeLogger {
  readonly node: TSESTree.Node;
  readonly logger: Logger;
}
