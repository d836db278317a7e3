// Throws while the main module loads.
const config = undefined;
console.log(config.port);
