// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) next to every page,
// script, style sheet, WebAssembly module, manifest and SVG of dist/, as a static host serves
// them (see docs/deploy.md). A compressed copy no smaller than its file is not written.
//
//   node tools/precompress.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const KINDS = /\.(html|js|mjs|css|wasm|json|webmanifest|svg)$/;
let files = 0;
let raw = 0;
let br = 0;

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) walk(full);
    } else if (KINDS.test(entry.name)) {
      const data = fs.readFileSync(full);
      const brotli = zlib.brotliCompressSync(data, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      });
      const gzip = zlib.gzipSync(data, { level: 9 });
      for (const [suffix, body] of [['.br', brotli], ['.gz', gzip]]) {
        if (body.length < data.length) fs.writeFileSync(full + suffix, body);
        else fs.rmSync(full + suffix, { force: true });
      }
      files += 1;
      raw += data.length;
      br += Math.min(brotli.length, data.length);
    }
  }
}

walk(dist);
console.log(`precompress: ${files} files, ${(raw / 1024).toFixed(1)} KB -> ${(br / 1024).toFixed(1)} KB brotli`);
