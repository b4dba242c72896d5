// Never download a browser: machines here reach only the npm registry. The build uses a system Chromium
// (see src/browser.ts for how it is found).
module.exports = { skipDownload: true };
