// `nlmg dev`: serve the edition's web site on localhost, as the build would publish it, watch the project,
// rebuild what changed and tell the open pages to reload (server-sent events). Errors show in the page and in the terminal; the server keeps running.
import { watch, type FSWatcher } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { packageRoot } from '../core/paths.js'
import { createDevSession, type DevResult } from './session.js'
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
  '.html': 'text/html; charset=utf-8', '.xml': 'application/xml', '.pdf': 'application/pdf', '.epub': 'application/epub+zip',
  '.css': 'text/css', '.js': 'text/javascript', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml', '.webp': 'image/webp'
}

/** Start the preview; resolves once it listens. */
export async function startDevServer(options: DevOptions) {
  const root = path.resolve(options.root)
  const log = options.log ?? (() => {})
  const session = createDevSession({ root, edition: options.edition ?? 'teacher' })
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
  // Loaded here: the command line would otherwise load Node's HTTP stack for every build.
  const { createServer } = await import('node:http')
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    if (url.pathname === '/__nlmg/reload.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(reloadScript)
    if (url.pathname === '/__nlmg/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write(': connected\n\n')
      clients.add(response)
      request.on('close', () => clients.delete(response))
      return
    }
    const result = await current
    const name = sitePath(url.pathname)
    const page = name === undefined || name.endsWith('.html')
    if (!result.ok && page) return void send(response, 500, '.html', result.html)
    const data = await (name === undefined ? undefined : result.site.get(name))?.()
    if (data === undefined) return void send(response, 404, '.html', (await result.site.get('404.html')?.()) ?? 'Not found')
    send(response, 200, path.extname(name as string), data)
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

/** The site's own path for a request's (`/` is `index.html`); undefined for one that leaves the site. */
function sitePath(pathname: string): string | undefined {
  let name: string
  try {
    name = decodeURIComponent(pathname).replace(/^\/+/, '')
  } catch {
    return undefined
  }
  if (name === '' || name.endsWith('/')) name += 'index.html'
  return name.split('/').includes('..') ? undefined : name
}

function send(response: ServerResponse, status: number, extension: string, data: Uint8Array | string) {
  response.writeHead(status, { 'content-type': types[extension.toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(data)
}
