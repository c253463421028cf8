// The save form and the checks list as rendered on the server (no effects run): what an end-to-end
// test finds by its test ids, and the values the form starts with.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SavedCheck } from '@/types/api-checks';
import { emptyDraft } from './request-draft';
import { SaveCheckForm, SaveCheckPanel } from './saved-check-form';
import { SavedChecksList } from './saved-checks-list';

const PROJECT_ID = '00000000-0000-4000-8000-000000000002';
const sentDraft = { ...emptyDraft(), method: 'GET' as const, pathTemplate: '/books/{id}', pathParams: { id: '3' } };
const noop = async () => ({ name: '' });

function check(id: string, name: string, expectStatus: number): SavedCheck {
  return { id, projectId: PROJECT_ID, name, method: 'GET', path: '/books', query: { tag: ['a', 'b'] }, headers: {}, body: null, expectStatus, expectJson: null, savedOn: null, createdAt: new Date(0) };
}

describe('SaveCheckPanel', () => {
  it('starts as the Save as check button alone', () => {
    const html = renderToStaticMarkup(<SaveCheckPanel projectId={PROJECT_ID} sentDraft={sentDraft} status={404} onSave={noop} />);
    expect(html).toContain('data-testid="save-check"');
    expect(html).not.toContain('data-testid="save-check-form"');
  });

  it('opens prefilled with the request and the answer’s status, the JSON field empty and valid', () => {
    const html = renderToStaticMarkup(
      <SaveCheckForm projectId={PROJECT_ID} sentDraft={sentDraft} status={404} onSave={noop} onSaved={() => {}} onCancel={() => {}} />,
    );
    expect(html).toContain('data-testid="save-check-form"');
    expect(html).toMatch(/data-testid="save-check-name"[^>]*value="GET \/books\/3 → 404"/);
    expect(html).toMatch(/data-testid="save-check-status"[^>]*value="404"/);
    expect(html).toMatch(/<textarea[^>]*data-testid="save-check-json"[^>]*placeholder="\{&quot;title&quot;: &quot;Dune&quot;\}"/);
    expect(html).not.toContain('save-check-json-problem');
    expect(html).toMatch(/<button type="submit" data-testid="save-check-submit"(?![^>]*disabled="")/);
  });

  it('cannot be submitted while a field is wrong', () => {
    const html = renderToStaticMarkup(
      <SaveCheckForm projectId={PROJECT_ID} sentDraft={sentDraft} status={42} onSave={noop} onSaved={() => {}} onCancel={() => {}} />,
    );
    expect(html).toMatch(/<button type="submit" data-testid="save-check-submit"[^>]*disabled=""/);
    expect(html).toContain('100 to 599');
  });
});

describe('SavedChecksList', () => {
  it('shows each check’s name and expected status, with the line saying what they are for', () => {
    const html = renderToStaticMarkup(
      <SavedChecksList checks={[check('a', 'list books', 200), check('b', 'missing book', 404)]} isLoading={false} error={null} onLoad={() => {}} onRemove={noop} />,
    );
    expect(html).toContain("Every new version&#x27;s validation sends these requests.");
    expect(html.split('data-testid="saved-check"').length - 1).toBe(2);
    expect(html.indexOf('list books')).toBeLessThan(html.indexOf('missing book'));
    expect(html).toMatch(/data-testid="saved-check-status"[^>]*>200</);
    expect(html).toMatch(/data-testid="saved-check-status"[^>]*>404</);
    expect(html).toContain('/books?tag=a&amp;tag=b');
    expect(html.split('data-testid="saved-check-remove"').length - 1).toBe(2);
  });

  it('says how to add one when there are none', () => {
    const html = renderToStaticMarkup(<SavedChecksList checks={[]} isLoading={false} error={null} onLoad={() => {}} onRemove={noop} />);
    expect(html).toContain('data-testid="saved-checks"');
    expect(html).toContain('data-testid="saved-checks-empty"');
    expect(html).not.toContain('data-testid="saved-check"');
  });
});
