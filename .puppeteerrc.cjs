// Never download a browser: machines here reach only the npm registry. The generator depends on puppeteer-core,
// which downloads nothing; this setting keeps any `puppeteer` package a tool brings in from downloading either.
// How the browser is found: src/browser/find.ts.
module.exports = { skipDownload: true };
