/**
 * Shapes of the logging knowledge: how each library makes a logger, which of its options and calls put
 * fields into every record, and how a log call's arguments become the record.
 */
import type { LibrarySpec, OptionSpec } from '../types.js';

export type LoggerLibraryName = 'pino' | 'pino-http' | 'winston' | 'bunyan' | 'nestjs' | 'nestjs-pino' | 'console';

/** How a log call's arguments become the fields of its record. */
export type RecordShape =
  /** `(fields?, message?, …)`: an object first argument is merged into the record (pino, bunyan). */
  | 'object-first'
  /** `(message, meta?, …)`, `(info)` or `log(level, message, meta?)`: every object argument is merged (winston). */
  | 'meta-objects'
  /** `(message, …params)`: a line of text; an object first argument is merged only when the application logger is structured (NestJS). */
  | 'message'
  /** Plain text, no record at all (console). */
  | 'text';

/** An export path inside a package: `[]` is the module itself (`require('pino')(…)`), `['default']` the ESM default. */
export type ExportPath = readonly string[];

export interface LoggerFactorySpec {
  readonly paths: readonly ExportPath[];
  /** Called with `new` (a class); otherwise a function call. */
  readonly construct: boolean;
  /** Zero-based index of the options argument. */
  readonly optionsArgument: number;
}

/** What an option does to the fields of every record. */
export type FieldOptionRole =
  /** The option's value is an object whose keys become fields (pino `base`, winston `defaultMeta`). */
  | 'fields-object'
  /** The option itself becomes a field of the same name (pino and bunyan `name`). */
  | 'field'
  /** A function whose returned object is merged into each record (pino `mixin`, `formatters.log`). */
  | 'fields-function'
  /** Formats that may add fields (winston `format`). */
  | 'formats';

export interface FieldOptionSpec extends OptionSpec {
  readonly role: FieldOptionRole;
  /** For `fields-object`: the fields every record carries when the option is not given. */
  readonly fieldsWhenAbsent?: readonly string[];
}

export interface LoggerLibrarySpec extends LibrarySpec {
  readonly name: LoggerLibraryName;
  readonly factories: readonly LoggerFactorySpec[];
  /** Fields every record has whatever the options (level, time, message, …), for the inventory. */
  readonly alwaysFields: readonly string[];
  /** Options that put fields into every record, by option path (`formatters.log`). */
  readonly fieldOptions: Readonly<Record<string, FieldOptionSpec>>;
  /**
   * Options that are not fields; every other option key becomes a field of each record (bunyan).
   * Absent when unknown option keys are ignored.
   */
  readonly nonFieldOptions?: readonly string[];
  /** `logger.child(bindings)`: the method and the argument whose keys are bound to the child's records. */
  readonly child?: { readonly method: string; readonly bindingsArgument: number; readonly source: string };
  /**
   * Where its loggers' records go when they are not made with their own options: through the application
   * logger given to NestJS (`app.useLogger()`), or through the pino logger a module configures
   * (nestjs-pino's `LoggerModule.forRoot()`).
   */
  readonly writesThrough?: 'application-logger' | 'configured-module';
  /** Its factory makes middleware that gives each request a child logger (pino-http's `req.log`). */
  readonly makesRequestLoggers?: boolean;
  /** Where the messages advise binding a missing service name and trace id, where the logger is made. */
  readonly fix?: { readonly service: string; readonly trace: string };
  /** A global that is the logger itself (`console`). */
  readonly global?: string;
  /** Methods that write a record. */
  readonly logMethods: readonly string[];
  readonly recordShape: RecordShape;
  /** Where the level methods and the record shape were read. */
  readonly source: string;
}

/** An OpenTelemetry (or vendor) log correlation that writes the active trace id into each record. */
export interface LogCorrelationSpec extends LibrarySpec {
  readonly name: string;
  /** Libraries whose records it writes into. */
  readonly instruments: readonly LoggerLibraryName[];
  /** The fields it adds to each record written while a span is active. */
  readonly fields: readonly string[];
  /** The option that turns the injection off. */
  readonly disabledBy?: string;
  readonly source: string;
}
