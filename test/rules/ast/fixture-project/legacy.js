const axios = require('axios');

const reports = axios.create({ timeout: 5000 });

module.exports = { reports };
