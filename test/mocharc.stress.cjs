/** The stress tier (`npm run test:stress`); the tiers are described in mocha-tier.cjs. */
module.exports = require("./mocha-tier.cjs")("stress");
