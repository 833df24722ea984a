// Minifies the pages' scripts and style sheets in place (tools/postbuild.py, step 9).
//
//   node tools/minify.mjs FILE...
//
// A `.js` file is an ES module (wasm-bindgen's glue, a snippet it imports): terser compresses
// it and renames its local names; what it exports and the property names it uses (the wasm
// module's import names among them) are kept. A `.css` file goes through csso without
// restructuring: the same rules in the same order, comments and spaces gone. Both tools are
// pinned in package.json. Prints one line per file; exits 1, changing nothing more, on the
// first file either tool cannot read.
import fs from 'node:fs';
import { minify as minifyJs } from 'terser';
import { minify as minifyCss } from 'csso';

for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  let out;
  try {
    if (file.endsWith('.js')) {
      const result = await minifyJs(text, {
        module: true,
        compress: { passes: 2 },
        mangle: true,
        format: { comments: false },
      });
      out = result.code;
    } else if (file.endsWith('.css')) {
      out = minifyCss(text, { restructure: false }).css;
    } else {
      throw new Error('neither a script nor a style sheet');
    }
  } catch (err) {
    console.error(`minify: ${file}: ${err.message}`);
    process.exit(1);
  }
  if (out !== text) {
    fs.writeFileSync(file, out);
  }
  console.log(`${file}: ${Buffer.byteLength(text)} -> ${Buffer.byteLength(out)} bytes`);
}
