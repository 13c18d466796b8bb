/** The system tier (`npm run test:system`); the tiers are described in mocha-tier.cjs. */
module.exports = require("./mocha-tier.cjs")("system");
