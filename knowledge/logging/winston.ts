/**
 * winston: `createLogger(options)`, the default logger, `logger.child(meta)`, `defaultMeta` and formats.
 * Read from winston 3.19.0 as installed (lib/winston.js, lib/winston/logger.js, lib/winston/create-logger.js)
 * and logform 2.7.0 (its formats).
 */
import type { LoggerLibrarySpec } from './types.js';

export const winston = {
  name: 'winston',
  fix: { service: '`defaultMeta: { service }`', trace: 'a format that adds the current trace id' },
  packages: ['winston'],
  versionRead: '3.19.0',
  repository: 'https://github.com/winstonjs/winston',
  factories: [
    // lib/winston.js: `exports.createLogger = require('./winston/create-logger')`.
    { paths: [['createLogger'], ['default', 'createLogger']], construct: false, optionsArgument: 0 },
    // lib/winston/container.js `add(id, options)` creates and keeps a logger.
    { paths: [['loggers', 'add'], ['default', 'loggers', 'add']], construct: false, optionsArgument: 1 },
  ],
  alwaysFields: ['level', 'message'],
  fieldOptions: {
    defaultMeta: {
      role: 'fields-object',
      unit: 'object',
      default: null,
      fieldsWhenAbsent: [],
      meaning: 'Fields merged into every record (the README example sets `{ service: … }`); none by default.',
      source: 'winston@3.19.0 lib/winston/logger.js (`this.defaultMeta = defaultMeta || null`, `_addDefaultMeta`)',
    },
    format: {
      role: 'formats',
      unit: 'function',
      default: 'format.json()',
      meaning: 'The format chain each record passes through; a format may add fields (`label`, `timestamp`, a custom `format(fn)`).',
      source: 'winston@3.19.0 lib/winston/logger.js `configure` (`this.format = format || this.format || require(\'logform/json\')()`)',
    },
  },
  child: { method: 'child', bindingsArgument: 0, source: 'winston@3.19.0 lib/winston/logger.js `child(defaultRequestMetadata)`' },
  // lib/winston/config/index.js: npm levels error, warn, info, http, verbose, debug, silly; syslog levels when configured.
  logMethods: ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly', 'log', 'emerg', 'alert', 'crit', 'warning', 'notice'],
  recordShape: 'meta-objects',
  source: 'winston@3.19.0 lib/winston/logger.js `log(level, msg, ...splat)` (an object argument is merged into the info object)',
} as const satisfies LoggerLibrarySpec;

/** The module itself is a logger with no defaultMeta (`winston.info(…)`). */
export const winstonDefaultLogger = {
  paths: [[], ['default']],
  source: 'winston@3.19.0 lib/winston.js (`const defaultLogger = exports.createLogger()`, level methods passed through)',
} as const;

/** Built-in formats (logform 2.7.0) and the fields each adds; every other format is read from its function. */
export const winstonFormats: Readonly<Record<string, { readonly adds: readonly string[]; readonly source: string }>> = {
  label: { adds: ['label'], source: 'logform@2.7.0 label.js (`info.label = opts.label`, or a message prefix with `message: true`)' },
  timestamp: { adds: ['timestamp'], source: 'logform@2.7.0 timestamp.js (`info.timestamp = …`)' },
  ms: { adds: ['ms'], source: 'logform@2.7.0 ms.js (`info.ms = …`)' },
  json: { adds: [], source: 'logform@2.7.0 json.js' },
  simple: { adds: [], source: 'logform@2.7.0 simple.js' },
  printf: { adds: [], source: 'logform@2.7.0 printf.js' },
  errors: { adds: [], source: 'logform@2.7.0 errors.js (copies `stack` and `message` of an Error)' },
  splat: { adds: [], source: 'logform@2.7.0 splat.js' },
  colorize: { adds: [], source: 'logform@2.7.0 colorize.js' },
  uncolorize: { adds: [], source: 'logform@2.7.0 uncolorize.js' },
  align: { adds: [], source: 'logform@2.7.0 align.js' },
  prettyPrint: { adds: [], source: 'logform@2.7.0 pretty-print.js' },
  logstash: { adds: [], source: 'logform@2.7.0 logstash.js' },
  cli: { adds: [], source: 'logform@2.7.0 cli.js' },
  padLevels: { adds: [], source: 'logform@2.7.0 pad-levels.js' },
  combine: { adds: [], source: 'logform@2.7.0 combine.js (runs its formats in order)' },
};
