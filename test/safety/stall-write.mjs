// Loaded with `node --import` into a qm run by test/safety: when QM_TEST_STALL_WRITE is set, the
// first FileHandle.writeFile writes half of its data, says so on stderr and then waits for
// ever, so that the test can kill qm in the middle of writing its output.
import { open } from 'node:fs/promises';

const probe = await open(process.execPath, 'r');
const proto = Object.getPrototypeOf(probe);
await probe.close();
const original = proto.writeFile;

proto.writeFile = async function (data, ...rest) {
  if (!process.env.QM_TEST_STALL_WRITE) return original.call(this, data, ...rest);
  const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  await this.write(bytes.subarray(0, bytes.length >> 1));
  await this.sync();
  process.stderr.write('QM-TEST: half written\n');
  globalThis.setInterval(() => undefined, 60_000);
  return new Promise(() => undefined);
};
