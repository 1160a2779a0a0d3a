/**
 * Shared shapes of the knowledge tables. Every library module exports one spec that `satisfies` one of
 * these, with each default written beside the file in the package it was read from.
 */

/** The unit a numeric or structured option is expressed in. */
export type Unit =
  | 'milliseconds'
  | 'seconds'
  | 'duration'
  | 'count'
  | 'boolean'
  | 'http-methods'
  | 'status-codes'
  | 'function'
  | 'object';

/** One option of a library call: what it means, its unit, its real default and where that was read. */
export interface OptionSpec<Default = unknown> {
  readonly unit: Unit;
  readonly default: Default;
  readonly meaning: string;
  /** File inside the installed package (or doc page) the default was read from. */
  readonly source: string;
}

/** What every library spec carries: the packages it covers and the version its defaults were read from. */
export interface LibrarySpec {
  readonly packages: readonly string[];
  /** The installed version whose sources the defaults below were read from. */
  readonly versionRead: string;
  /** Upstream home of the source files cited in this spec. */
  readonly repository: string;
}

/** A user-supplied addition to a table: an export `name` of `package` (`default` for the default export). */
export interface Specifier {
  readonly package: string;
  readonly name: string;
}
