/** bunyan: every option of `createLogger(options)` but its own (streams, level, serializers, src) is a field, `name` included. */
import { bunyan } from '../../../knowledge/logging/bunyan.js';
import { readOptionFields } from '../read-options.js';
import type { LoggerDetector } from './types.js';

export const bunyanDetector: LoggerDetector = {
  spec: bunyan,
  readFields: (context, options) => readOptionFields(context, bunyan, options),
};
