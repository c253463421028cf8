import { describe, expect, it } from 'vitest';
import { filesBesidesPackageJson, installAheadNote, installAheadProblem, preparedInstallFits } from './install-ahead-rules';

const manifest = (fields: Record<string, unknown>) => JSON.stringify({ name: 'api', version: '1.0.0', ...fields });

describe('installAheadProblem', () => {
  it('accepts registry, URL, git and alias dependencies', () => {
    const dependencies = { express: '^4.19.0', tarball: 'https://example.com/x.tgz', repo: 'github:user/repo', alias: 'npm:lodash@4' };
    expect(installAheadProblem(manifest({ dependencies, devDependencies: { typescript: '5.9.2' } }))).toBeNull();
    expect(installAheadProblem(manifest({}))).toBeNull();
  });

  it('refuses what needs the other files, or is no manifest at all', () => {
    expect(installAheadProblem(manifest({ dependencies: { lib: 'file:./lib' } }))).toBe('dependencies names a local path ("file:./lib")');
    expect(installAheadProblem(manifest({ devDependencies: { lib: '../lib' } }))).toMatch(/^devDependencies names a local path/);
    expect(installAheadProblem(manifest({ optionalDependencies: { lib: 'link:lib' } }))).toMatch(/local path/);
    expect(installAheadProblem(manifest({ overrides: { foo: { bar: './vendored/bar' } } }))).toMatch(/^overrides names a local path/);
    expect(installAheadProblem(manifest({ workspaces: ['packages/*'] }))).toBe('package.json declares workspaces');
    expect(installAheadProblem('{ "name": ')).toBe('package.json is not valid JSON');
    expect(installAheadProblem('[]')).toBe('package.json is not a JSON object');
  });
});

describe('preparedInstallFits', () => {
  const packageJson = manifest({ dependencies: { express: '^4' } });

  it('fits the same package.json, byte for byte, with no other install input', () => {
    expect(preparedInstallFits(packageJson, { 'package.json': packageJson, 'src/index.js': '' })).toBe(true);
    expect(preparedInstallFits(packageJson, { 'package.json': `${packageJson}\n`, 'src/index.js': '' })).toBe(false);
    expect(preparedInstallFits(packageJson, { 'src/index.js': '' })).toBe(false);
  });

  it('does not fit when npm would also have read a lockfile, .npmrc or node_modules', () => {
    for (const file of ['package-lock.json', 'npm-shrinkwrap.json', '.npmrc', 'node_modules/x/index.js']) {
      expect(preparedInstallFits(packageJson, { 'package.json': packageJson, [file]: '' })).toBe(false);
    }
    expect(preparedInstallFits(packageJson, { 'package.json': packageJson, 'docs/.npmrc': '' })).toBe(true);
  });

  it('leaves the files still to write', () => {
    expect(filesBesidesPackageJson({ 'package.json': '{}', 'server.js': 'x' })).toEqual({ 'server.js': 'x' });
  });
});

describe('installAheadNote', () => {
  it('says how far ahead the install ended or began, and nothing when it began after the files', () => {
    expect(installAheadNote({ startedAt: 0, finishedAt: 1_000, filesDoneAt: 4_100 })).toBe(
      'installed while the files were written; 3.1 s before they were done',
    );
    expect(installAheadNote({ startedAt: 0, finishedAt: 5_000, filesDoneAt: 2_000 })).toBe(
      'began while the files were written, 2 s before they were done',
    );
    expect(installAheadNote({ startedAt: 3_000, finishedAt: 5_000, filesDoneAt: 2_000 })).toBeUndefined();
  });
});
