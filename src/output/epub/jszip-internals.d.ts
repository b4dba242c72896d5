// JSZip's modules for an entry whose data is compressed already: what `loadAsync` makes of a zip it reads, and
// what `generateAsync` writes out as it is when the entry's compression matches (lib/zipObject.js). JSZip ships
// types for its public API only.
declare module 'jszip/lib/compressedObject.js' {
  /** Compressed bytes with the sizes and the CRC-32 of the data they stand for. */
  export default class CompressedObject {
    constructor(compressedSize: number, uncompressedSize: number, crc32: number, compression: object, data: Uint8Array)
  }
}

declare module 'jszip/lib/compressions.js' {
  /** The methods JSZip writes, by the names its `compression` options take. */
  const compressions: { STORE: object; DEFLATE: object }
  export default compressions
}
