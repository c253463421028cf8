// Test data: a saved check, "GET /books → 200" unless told otherwise. Used by tests only.
import type { NewSavedCheck, SavedCheck } from '@/types/api-checks';

export function savedCheckFixture(overrides: Partial<SavedCheck> = {}): SavedCheck {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    projectId: '00000000-0000-4000-8000-000000000002',
    name: 'GET /books → 200',
    method: 'GET',
    path: '/books',
    query: {},
    headers: {},
    body: null,
    expectStatus: 200,
    expectJson: null,
    savedOn: null,
    createdAt: new Date('2025-01-01T00:00:00Z'),
    ...overrides,
  };
}

/** The same check as the store takes it: no id or time yet, and no answer it was saved from. */
export function newSavedCheckFixture(projectId: string, overrides: Partial<NewSavedCheck> = {}): NewSavedCheck {
  const { id: _id, createdAt: _createdAt, savedOn: _savedOn, ...check } = savedCheckFixture({ projectId });
  return { ...check, ...overrides };
}
