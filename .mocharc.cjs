/** The fast tier (`npm test`); the tiers are described in test/mocha-tier.cjs. */
module.exports = require("./test/mocha-tier.cjs")("fast");
