/** Every logging library the rules model, in the order their factories are tried. */
import { bunyan } from './bunyan.js';
import { nestjsLogger, nestjsPino } from './nestjs.js';
import { pino } from './pino.js';
import { pinoHttp } from './pino-http.js';
import type { LoggerLibrarySpec } from './types.js';
import { winston } from './winston.js';

export const LOGGER_LIBRARIES: readonly LoggerLibrarySpec[] = [pino, pinoHttp, winston, bunyan, nestjsLogger, nestjsPino];

/** Every package whose import makes a file worth looking at for loggers. */
export const LOGGER_PACKAGES: readonly string[] = LOGGER_LIBRARIES.flatMap((library) => library.packages);
