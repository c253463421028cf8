import { describe, expect, it } from 'vitest';
import { previewHeaderProblem, previewPathProblem } from './preview-request-rules';

describe('previewPathProblem', () => {
  it.each(['/', '/books', '/books/42/reviews', '/a/../b', '/search/caf%C3%A9', '/:colon@at'])('accepts %j', (path) => {
    expect(previewPathProblem(path)).toBeNull();
  });

  it.each([
    ['http://evil.example/x', 'start with "/"'],
    ['evil.example/x', 'start with "/"'],
    ['//evil.example/x', '"//"'],
    ['/\\evil.example', '"\\"'],
    ['/books?limit=2', 'query'],
    ['/books#top', '"#"'],
    ['/has space', 'spaces'],
    ['/new\nline', 'control'],
    ['', 'start with "/"'],
    [`/${'a'.repeat(3000)}`, 'under'],
  ])('refuses %j', (path, words) => {
    expect(previewPathProblem(path)).toContain(words);
  });
});

describe('previewHeaderProblem', () => {
  it.each([
    ['Authorization', 'Bearer abc'],
    ['x-api-key', 'k'],
    ['Content-Type', 'application/json'],
    ['Cookie', 'session=1'],
  ])('accepts %s', (name, value) => {
    expect(previewHeaderProblem(name, value)).toBeNull();
  });

  it.each([
    ['Host', 'evil.example'],
    ['X-Forwarded-Host', 'evil.example'],
    ['forwarded', 'host=evil.example'],
    ['Proxy-Authorization', 'x'],
    ['Content-Length', '5'],
    ['Bad Name', 'x'],
    ['X-Split', 'a\r\nHost: evil.example'],
  ])('refuses %s', (name, value) => {
    expect(previewHeaderProblem(name, value)).not.toBeNull();
  });
});
