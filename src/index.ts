// The generator's programmatic API: `build(options)` reads, checks and renders a book and returns a report.
export { build, type BuildOptions, type BuildReport, type ChapterSummary } from './build/build.js'
export { initGuide, type InitOptions, type InitResult } from './init/init.js'
export { jsonSchemas, schemaFiles } from './project/json-schema.js'
