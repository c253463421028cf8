// Test data: hand-made schemas the offline generator's renderer must carry through, besides what the
// sample conversations produce: every field type, relations, names that would break careless code
// generation, and empty APIs. Compiled (generated-projects.test.ts) and exercised over HTTP
// (generated-behaviour.test.ts). Used by tests only.
import { FEATURES, type ApiSchema } from '@/generation/offline/schema/api-schema';

/** Every field type, required and optional, relations, and names that would break careless code generation. */
export const AWKWARD_SCHEMA: ApiSchema = {
  title: 'Awkward API',
  features: [...FEATURES],
  resources: [
    {
      plural: 'books',
      singular: 'book',
      fields: [
        { name: 'classId', type: 'string', required: true, references: 'classes' },
        { name: 'newsId', type: 'string', required: false, references: 'news' },
        { name: 'title', type: 'string', required: true },
        { name: 'subtitle', type: 'string', required: false },
        { name: 'price', type: 'number', required: true },
        { name: 'pages', type: 'number', required: false },
        { name: 'isNew', type: 'boolean', required: true },
        { name: 'published', type: 'boolean', required: false },
        { name: 'dueDate', type: 'date', required: true },
        { name: 'releaseDate', type: 'date', required: false },
        { name: 'startsAt', type: 'datetime', required: true },
        { name: 'publishedAt', type: 'datetime', required: false },
        { name: 'constructor', type: 'string', required: false },
      ],
    },
    { plural: 'news', singular: 'news', fields: [] },
    { plural: 'classes', singular: 'class', fields: [{ name: 'name', type: 'string', required: true }] },
    { plural: 'packages', singular: 'package', fields: [{ name: 'classId', type: 'string', required: true, references: 'classes' }] },
    { plural: 'routers', singular: 'router', fields: [{ name: 'listing', type: 'string', required: true }] },
    { plural: 'filters', singular: 'filter', fields: [{ name: 'query', type: 'number', required: false }] },
  ],
};

/** The hand-made schemas by project name. */
export const SCHEMA_PROJECTS: Array<[string, ApiSchema]> = [
  ['awkward-schema', AWKWARD_SCHEMA],
  ['empty-schema', { title: 'Empty API', resources: [], features: [] }],
  ['empty-schema-all-features', { title: 'Empty API', resources: [], features: [...FEATURES] }],
];
