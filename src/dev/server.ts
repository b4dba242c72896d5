// `nlmg dev`: serve the guide as HTML on localhost, watch the project, rebuild what changed and tell the open
// page to reload (server-sent events). Errors show in the page and in the terminal; the server keeps running.
import { watch, type FSWatcher } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { packageRoot } from '../core/paths.js'
import { fontFolders } from '../render/fonts.js'
import { createDevSession, type DevResult } from './session.js'
import { isInside } from '../core/paths.js'
import type { Edition } from '../project/schema.js'

export interface DevOptions {
  root: string
  port?: number
  host?: string
  edition?: Edition
  /** One line per rebuild, and the problems when there are any. */
  log?: (line: string) => void
}

const types: Record<string, string> = {
  '.css': 'text/css', '.js': 'text/javascript', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.webp': 'image/webp'
}

/** Start the preview; resolves once it listens. */
export async function startDevServer(options: DevOptions) {
  const root = path.resolve(options.root)
  const log = options.log ?? (() => {})
  const roots = [root, packageRoot, ...fontFolders()]
  const urlFor = (file: string) => `/__nlmg/file${file.split(path.sep).map(encodeURIComponent).join('/')}`
  const session = createDevSession({ root, edition: options.edition ?? 'teacher', urlFor })
  const clients = new Set<ServerResponse>()
  let current: Promise<DevResult> = session.rebuild()
  report(await current)

  function report(result: DevResult) {
    log(result.ok ? `rebuilt in ${Math.round(result.ms)} ms` : `build failed (${Math.round(result.ms)} ms)\n${result.report}`)
  }
  let timer: NodeJS.Timeout | undefined
  function changed(reset: boolean) {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (reset) session.reset()
      current = current.then(() => session.rebuild())
      void current.then((result) => {
        report(result)
        for (const client of clients) client.write('event: reload\ndata: 1\n\n')
      })
    }, 10)
  }
  const watchers: FSWatcher[] = []
  const watchPath = (target: string, recursive: boolean, onChange: (name: string) => void) => {
    try {
      watchers.push(watch(target, { recursive }, (_event, name) => onChange(String(name ?? ''))))
    } catch {
      // A folder the project does not have (its own templates, say) is simply not watched.
    }
  }
  watchPath(path.join(root, 'chapters'), true, (name) => changed(!name.endsWith('.md')))
  watchPath(path.join(root, 'templates'), true, () => changed(true))
  watchPath(path.join(root, 'styles'), true, () => changed(false))
  watchPath(path.join(root, 'book.yaml'), false, () => changed(true))

  const reloadScript = await readFile(path.join(packageRoot, 'templates', 'dev-reload.js'))
  // Loaded here: the bundled command line would otherwise load Node's HTTP stack for every build.
  const { createServer } = await import('node:http')
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const result = await current
      response.writeHead(result.ok ? 200 : 500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      return void response.end(result.html)
    }
    if (url.pathname === '/__nlmg/reload.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(reloadScript)
    if (url.pathname === '/__nlmg/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write(': connected\n\n')
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    if (url.pathname.startsWith('/__nlmg/file/')) return serveFile(decodeURIComponent(url.pathname.slice('/__nlmg/file'.length)), roots, response)
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 4173, options.host ?? '127.0.0.1', resolve)
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${address.port}/`,
    /** The latest rebuild (waits for one in progress). */
    latest: () => current,
    async close() {
      clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
      for (const client of clients) client.end()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/** Serve a file only from inside the project or the package (fonts, styles, images). */
async function serveFile(file: string, roots: string[], response: ServerResponse) {
  const resolved = path.resolve(file)
  if (!roots.some((root) => isInside(root, resolved))) return void response.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden')
  try {
    const data = await readFile(resolved)
    response.writeHead(200, { 'content-type': types[path.extname(resolved).toLowerCase()] ?? 'application/octet-stream' }).end(data)
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
  }
}
