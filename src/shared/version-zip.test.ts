import fc from 'fast-check';
import { Unzip, UnzipInflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildVersionZip, zipFolderName } from './version-zip';

/** Path pieces that have broken archive tools before, mixed with ordinary names. */
const segment = fc.oneof(
  fc.constantFrom('..', '.', '', '~', 'C:', 'c:\\x', '\\', 'node_modules', '.git', '..\\..', ' a', '__proto__', 'constructor'),
  fc.stringMatching(/^[a-z]{1,8}(\.[a-z]{1,3})?$/),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const path = fc.oneof(
  fc.array(segment, { minLength: 1, maxLength: 5 }).map((segments) => segments.join('/')),
  fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => `/${segments.join('/')}`),
  fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => `./${segments.join('/')}`),
);
const fileMap = fc.array(fc.tuple(path, fc.string({ unit: 'grapheme', maxLength: 40 })), { maxLength: 12 }).map((pairs) => Object.fromEntries(pairs));

/**
 * Every entry, in archive order. fflate's unzipSync returns a plain object, which cannot hold an
 * entry named `__proto__`; the streaming reader hands over each entry as it is.
 */
function readZipEntries(bytes: Uint8Array): Array<{ name: string; text: string }> {
  const entries: Array<{ name: string; text: string }> = [];
  const unzip = new Unzip((file) => {
    const parts: Uint8Array[] = [];
    file.ondata = (error, data, final) => {
      if (error) throw error;
      parts.push(data);
      if (final) entries.push({ name: file.name, text: new TextDecoder().decode(Buffer.concat(parts)) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(bytes, true);
  return entries;
}

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

describe('buildVersionZip', () => {
  it('never stores a name that could leave its folder, and round-trips every file it keeps', () => {
    fc.assert(
      fc.property(fileMap, fc.boolean(), (files, withRoot) => {
        const root = withRoot ? 'api-v1' : undefined;
        const zip = buildVersionZip(files, root);
        const entries = readZipEntries(zip.bytes);

        expect(entries.map((entry) => entry.name)).toEqual(zip.entries);
        expect(entries.length + zip.skipped.length).toBe(Object.keys(files).length);
        for (const { name, text } of entries) {
          expect(name.startsWith('/')).toBe(false);
          expect(name).not.toMatch(/^[A-Za-z]:/);
          expect(name.includes('\\')).toBe(false);
          expect(name).not.toMatch(CONTROL_CHARACTER);
          expect(name.split('/')).not.toContain('..');
          if (root) expect(name.startsWith(`${root}/`)).toBe(true);
          const inside = root ? name.slice(root.length + 1) : name;
          // Two spellings of one path ('x' and './x'): the archive keeps the first in code-unit order.
          const kept = [inside, `./${inside}`].filter((spelling) => Object.hasOwn(files, spelling)).sort()[0];
          const original = files[kept ?? inside];
          expect(text).toBe(original);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('skips unsafe, duplicate and blocked paths and says why', () => {
    const zip = buildVersionZip({
      '../../etc/passwd': 'x',
      '/abs.ts': 'x',
      'src\\win.ts': 'x',
      './C:': 'drive-relative once ./ is dropped',
      ['__proto__']: 'an ordinary name to an archive', // computed: a literal key would set the prototype
      'a': 'file a',
      'a/b.ts': 'under a file',
      './src/index.ts': 'first spelling',
      'src/index.ts': 'second spelling',
    });
    expect(zip.entries).toEqual(['__proto__', 'a', 'src/index.ts']);
    expect(zip.skipped.map((entry) => entry.path).sort()).toEqual(['../../etc/passwd', './C:', '/abs.ts', 'a/b.ts', 'src/index.ts', 'src\\win.ts'].sort());
    expect(zip.skipped.find((entry) => entry.path === 'a/b.ts')?.reason).toMatch(/a is a file/);
    expect(readZipEntries(zip.bytes).find((entry) => entry.name === 'src/index.ts')?.text).toBe('first spelling');
  });

  it('adds extra files at the root beside the version’s own, which win on a clash', () => {
    const requests = '### GET /books → 200\nGET {{baseUrl}}/books\n';
    const zip = buildVersionZip({ 'src/index.ts': 'code', 'openapi.json': '{}' }, 'api-v2', { 'requests.http': requests });
    expect(zip.entries).toEqual(['api-v2/openapi.json', 'api-v2/requests.http', 'api-v2/src/index.ts']);
    expect(zip.skipped).toEqual([]);
    expect(readZipEntries(zip.bytes).find((entry) => entry.name === 'api-v2/requests.http')?.text).toBe(requests);

    const own = buildVersionZip({ './requests.http': 'the version’s own', 'docs/a.md': 'x' }, 'api-v2', { 'requests.http': requests, docs: 'a file where a folder is' });
    expect(own.entries).toEqual(['api-v2/docs/a.md', 'api-v2/requests.http']);
    expect(own.skipped).toEqual([]);
    expect(readZipEntries(own.bytes).find((entry) => entry.name === 'api-v2/requests.http')?.text).toBe('the version’s own');
  });

  it('never lets an extra file displace or change one of the version’s', () => {
    fc.assert(
      fc.property(fileMap, fileMap, (files, extras) => {
        const alone = readZipEntries(buildVersionZip(files).bytes);
        const withExtras = readZipEntries(buildVersionZip(files, undefined, extras).bytes);
        const byName = new Map(withExtras.map((entry) => [entry.name, entry.text]));
        for (const { name, text } of alone) expect(byName.get(name)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a root folder that is not one plain name', () => {
    for (const root of ['..', 'a/b', '/tmp', 'x\\y', '']) expect(() => buildVersionZip({ 'a.ts': 'x' }, root)).toThrow(RangeError);
  });
});

describe('zipFolderName', () => {
  it('turns a project name into one safe folder name', () => {
    expect(zipFolderName('Bookstore API', 3)).toBe('bookstore-api-v3');
    expect(zipFolderName('../../Ünïcode / “quotes”', 1)).toBe('unicode-quotes-v1');
    expect(zipFolderName('日本語', 2)).toBe('api-v2');
  });

  it('always gives a name buildVersionZip accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.nat(), (name, versionNumber) => {
        expect(() => buildVersionZip({}, zipFolderName(name, versionNumber))).not.toThrow();
      }),
    );
  });
});
