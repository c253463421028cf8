import { describe, expect, it } from 'vitest';
import { createRedactor, noRedaction } from './redact-secrets';

const SECRET = 'sk-live-4f9a8b7c6d5e';

describe('createRedactor', () => {
  const redact = createRedactor({ API_KEY: SECRET, DATABASE_URL: 'postgres://app:p@ss w"rd@db:5432/app', FLAG: 'on' });

  it('masks every occurrence of a value, naming its variable', () => {
    expect(redact(`starting with key ${SECRET}\nkey=${SECRET}`)).toBe('starting with key [hidden: API_KEY]\nkey=[hidden: API_KEY]');
  });

  it('masks a value as it appears inside JSON and URL-encoded', () => {
    const url = 'postgres://app:p@ss w"rd@db:5432/app';
    const json = JSON.stringify({ url });
    expect(redact(json)).toBe('{"url":"[hidden: DATABASE_URL]"}');
    expect(redact(`/connect?to=${encodeURIComponent(url)}`)).toBe('/connect?to=[hidden: DATABASE_URL]');
  });

  it('masks the piece of a value that a cut left at the end or the start of a line', () => {
    expect(redact(`200 OK · {"key":"${SECRET.slice(0, 9)}…`)).toBe('200 OK · {"key":"[hidden: API_KEY]…');
    expect(redact(`${SECRET.slice(6)} was rejected`)).toBe('[hidden: API_KEY] was rejected');
  });

  it('leaves values shorter than 4 characters alone, and text without values unchanged', () => {
    expect(redact('feature is on, so is the light')).toBe('feature is on, so is the light');
  });

  it('is the identity when there is nothing to mask', () => {
    expect(createRedactor({})).toBe(noRedaction);
    expect(createRedactor({ SHORT: 'abc' })('abc')).toBe('abc');
  });
});
