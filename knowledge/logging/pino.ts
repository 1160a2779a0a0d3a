/**
 * pino: `pino(options)`, `logger.child(bindings)` and the options that put fields into every record.
 * Read from pino 10.4.0 as installed (pino.js, lib/proto.js, lib/tools.js, lib/levels.js).
 */
import type { LoggerLibrarySpec } from './types.js';

export const pino = {
  name: 'pino',
  fix: { service: '`base: { service }`', trace: 'a `mixin` that returns the current trace id' },
  packages: ['pino'],
  versionRead: '10.4.0',
  repository: 'https://github.com/pinojs/pino',
  // pino.js: `module.exports = pino`, `module.exports.default = pino`, `module.exports.pino = pino`.
  factories: [{ paths: [[], ['default'], ['pino']], construct: false, optionsArgument: 0 }],
  alwaysFields: ['level', 'time', 'msg'],
  fieldOptions: {
    base: {
      role: 'fields-object',
      unit: 'object',
      default: { pid: 'process.pid', hostname: 'os.hostname()' },
      fieldsWhenAbsent: ['pid', 'hostname'],
      meaning: 'Fields written into every record; replaces {pid, hostname}; `null` writes none. No service field by default.',
      source: 'pino@10.4.0 pino.js (`base: { pid, hostname }` in defaultOptions; `if (base !== null) chindings = coreChindings(base)`)',
    },
    name: {
      role: 'field',
      unit: 'object',
      default: undefined,
      meaning: 'Written as the `name` field of every record (merged into `base`).',
      source: 'pino@10.4.0 pino.js (`coreChindings(Object.assign({}, base, { name }))`)',
    },
    mixin: {
      role: 'fields-function',
      unit: 'function',
      default: undefined,
      meaning: 'Called on every log call; the object it returns is merged into the record (the usual place for a trace id read from AsyncLocalStorage).',
      source: 'pino@10.4.0 lib/proto.js `write` (`obj = mixinMergeStrategy(obj, mixin(obj, num, this))`)',
    },
    'formatters.log': {
      role: 'fields-function',
      unit: 'function',
      default: undefined,
      meaning: 'Receives each record object and returns the object written.',
      source: 'pino@10.4.0 lib/tools.js `_asJson` (`if (formatters.log) obj = formatters.log(obj)`)',
    },
  },
  child: { method: 'child', bindingsArgument: 0, source: 'pino@10.4.0 lib/proto.js `child(bindings, options)` (`asChindings(instance, bindings)`)' },
  // lib/levels.js DEFAULT_LEVELS: trace 10, debug 20, info 30, warn 40, error 50, fatal 60.
  logMethods: ['trace', 'debug', 'info', 'warn', 'error', 'fatal'],
  recordShape: 'object-first',
  source: 'pino@10.4.0 lib/levels.js (DEFAULT_LEVELS), lib/proto.js `write` (an object first argument is merged; an Error becomes `err`)',
} as const satisfies LoggerLibrarySpec;

/** `nestedKey`: the call's own object is written under this key, so its fields are not top-level record fields. */
export const pinoNestedKey = {
  unit: 'object',
  default: undefined,
  meaning: 'When set, the object passed to a log call is nested under this key.',
  source: 'pino@10.4.0 lib/tools.js `_asJson` (`nestedKey`)',
} as const;
