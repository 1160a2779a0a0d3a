// A CommonJS service's one logger: the service name, no trace id.
const pino = require('pino');

module.exports = pino({ name: 'payments', messageKey: 'message' });
