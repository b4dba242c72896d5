// A film-still-sized PNG (a grey-blue gradient), written without any image library: the synthetic book needs a
// real raster image of realistic size for the PDF and the EPUB to decode and embed.
import { crc32, deflateSync } from 'node:zlib'

/** An 8-bit RGB PNG of `width` × `height` pixels, darker towards the bottom. */
export function gradientPng(width = 960, height = 540): Buffer {
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3)
    const shade = 1 - (0.6 * y) / height
    for (let x = 0; x < width; x++) {
      const glow = 0.85 + (0.15 * x) / width
      row.set([Math.round(90 * shade * glow), Math.round(110 * shade * glow), Math.round(140 * shade * glow)], 1 + x * 3)
    }
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
