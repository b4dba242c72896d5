// pdfjs-dist ships no types for its worker module; only its presence matters (see loadPdfjs in pdf-read.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs'
