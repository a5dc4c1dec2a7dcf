// Makes the V8 code cache of dist/cli.cjs (see bin/qm.js): compiles the bundle as bin/qm.js does,
// runs `qm check` on examples/storvik once, quietly, so that the functions a check runs are
// compiled, and writes what V8 compiled to dist/cli.cjs.cache. A cache made by another Node
// version is rejected by V8 at load time and costs nothing but the read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { compileBundle } from '../bin/load-cli.mjs';

const file = process.argv[2];
const root = join(import.meta.dirname, '..');
const { script, main } = compileBundle(file, undefined);
const sink = () => Object.assign(new PassThrough().resume(), { isTTY: false });
const io = { stdout: sink(), stderr: sink(), env: { ...process.env, NO_COLOR: '1' }, cwd: root };
for (const format of ['pretty', 'json']) {
  await main(['node', 'qm', 'check', join(root, 'examples', 'storvik'), '--format', format], io);
}
const data = script.createCachedData();
writeFileSync(`${file}.cache`, data);
console.log(`code cache: ${data.length} bytes`);
