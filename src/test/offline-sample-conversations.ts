// Test data: conversations the offline generator must carry through, a first prompt and up to three
// follow-ups, with what the last version must have. Every version they produce is checked against
// the output contract and compiled (generated-projects.test.ts). Used by tests only.
import type { Feature, FieldType } from '@/generation/offline/schema/api-schema';

export interface SampleConversation {
  name: string;
  prompts: string[];
  /** What the last version's schema must have; the contract checks apply to every version regardless. */
  expect?: {
    resources?: string[];
    features?: Feature[];
    /** Fields a resource must have, by plural: name → type, or `→ plural` for a relation (`authorId: '→ authors'`). */
    fields?: Record<string, Record<string, FieldType | `→ ${string}`>>;
    /** Fields a resource must not have. */
    noFields?: Record<string, string[]>;
    /** Routes openapi.json must list, as "GET /authors/{id}/books". */
    routes?: string[];
    /** Routes it must no longer list. */
    noRoutes?: string[];
  };
}

const ALL_FEATURES: Feature[] = ['auth', 'pagination', 'filtering', 'rate-limit', 'cors', 'logging', 'tests'];

export const SAMPLE_CONVERSATIONS: SampleConversation[] = [
  {
    name: 'bookstore with default fields',
    prompts: ['A REST API for a bookstore with authors and books'],
    expect: { resources: ['authors', 'books'], features: [], fields: { books: { title: 'string', year: 'number' } } },
  },
  {
    name: 'typed fields and a relation in the first prompt',
    prompts: ['A bookstore API with authors, and books with title, price and published date. Books belong to authors.'],
    expect: {
      fields: { books: { authorId: '→ authors', title: 'string', price: 'number', publishedDate: 'date' } },
      routes: ['GET /authors/{id}/books'],
    },
  },
  {
    name: 'a camelCase boolean field',
    prompts: ['A users API with email, age and isAdmin'],
    expect: { resources: ['users'], fields: { users: { email: 'string', age: 'number', isAdmin: 'boolean' } } },
  },
  {
    name: '"each book has an author"',
    prompts: ['An API with books and authors where each book has an author'],
    expect: { fields: { books: { authorId: '→ authors' } }, routes: ['GET /authors/{id}/books'] },
  },
  {
    name: '"reviews for books"',
    prompts: ['A bookstore API with books, and reviews for books'],
    expect: { resources: ['books', 'reviews'], fields: { reviews: { bookId: '→ books' } }, routes: ['GET /books/{id}/reviews'] },
  },
  {
    name: 'features in the first prompt, resources from the domain',
    prompts: ['A bookstore API with JWT auth and pagination'],
    expect: { resources: ['authors', 'books'], features: ['auth', 'pagination'], routes: ['POST /auth/token'] },
  },
  {
    name: 'a relation and four features in the first prompt',
    prompts: ['A blog API with posts and comments on posts, with rate limiting, CORS, request logging and tests'],
    expect: { features: ['rate-limit', 'cors', 'logging', 'tests'], fields: { comments: { postId: '→ posts' } } },
  },
  {
    name: 'everything at once',
    prompts: ['A library API with books, members and loans, with JWT auth, pagination, filtering, rate limiting, CORS, logging and tests'],
    expect: {
      features: ALL_FEATURES,
      fields: { loans: { bookId: '→ books', memberId: '→ members', dueDate: 'date' } },
      routes: ['GET /books/{id}/loans', 'GET /members/{id}/loans', 'POST /auth/token'],
    },
  },
  { name: 'add JWT auth later', prompts: ['A todo API', 'add JWT auth'], expect: { features: ['auth'], routes: ['POST /auth/token'] } },
  {
    name: 'add pagination, then filtering',
    prompts: ['A REST API for tasks and projects', 'add pagination', 'add filtering'],
    expect: { features: ['pagination', 'filtering'] },
  },
  { name: 'add rate limiting later', prompts: ['An API for managing tasks', 'add rate limiting'], expect: { features: ['rate-limit'] } },
  {
    name: 'CORS, then request logging',
    prompts: ['A movie database API with movies and actors', 'enable CORS', 'add request logging'],
    expect: { features: ['cors', 'logging'] },
  },
  { name: 'tests for related resources', prompts: ['A library API with books, members and loans', 'add tests'], expect: { features: ['tests'] } },
  {
    name: 'rename a resource',
    prompts: ['A REST API for a bookstore with authors and books', 'rename books to titles'],
    expect: { resources: ['authors', 'titles'], routes: ['GET /titles/{id}'], noRoutes: ['GET /books'] },
  },
  {
    name: 'rename a parent: its children follow',
    prompts: ['A bookstore API with authors and books. Books belong to authors.', 'rename authors to writers'],
    expect: { fields: { books: { writerId: '→ writers' } }, noFields: { books: ['authorId'] }, routes: ['GET /writers/{id}/books'], noRoutes: ['GET /authors/{id}/books'] },
  },
  {
    name: 'rename a field',
    prompts: ['A shop API with products', 'rename price to cost in products'],
    expect: { fields: { products: { name: 'string', cost: 'number', description: 'string' } }, noFields: { products: ['price'] } },
  },
  {
    name: 'remove a field',
    prompts: ['A REST API for a bookstore with authors and books', 'remove the year field from books'],
    expect: { fields: { books: { title: 'string' } }, noFields: { books: ['year'] } },
  },
  {
    name: 'remove a parent: the relation goes with it',
    prompts: ['A library API with books, members and loans', 'remove members'],
    expect: {
      resources: ['books', 'loans'],
      fields: { loans: { bookId: '→ books', dueDate: 'date' } },
      noFields: { loans: ['memberId'] },
      noRoutes: ['GET /members/{id}/loans'],
    },
  },
  {
    name: 'relate two resources, then page them',
    prompts: ['A REST API for books and authors', 'books belong to authors', 'add pagination'],
    expect: { features: ['pagination'], routes: ['GET /authors/{id}/books'] },
  },
  {
    name: 'a field named after a resource becomes a relation',
    prompts: ['A REST API for books and authors', 'add an author to books'],
    expect: { fields: { books: { authorId: '→ authors', title: 'string', year: 'number' } } },
  },
  {
    name: 'switch features off again',
    prompts: ['A bookstore API with JWT auth, pagination and rate limiting', 'remove rate limiting', 'remove JWT auth'],
    expect: { features: ['pagination'], noRoutes: ['POST /auth/token'] },
  },
  { name: 'a domain alone', prompts: ['A clinic API'], expect: { resources: ['doctors', 'patients', 'appointments'] } },
  {
    name: 'school with list features and a relation later',
    prompts: ['A school API with students, teachers and courses, with filtering and pagination', 'each course has a teacher'],
    expect: { features: ['pagination', 'filtering'], fields: { courses: { teacherId: '→ teachers' } } },
  },
  {
    name: 'hotel: a relation, auth, then tests',
    prompts: ['A hotel API with rooms and bookings. Each booking belongs to a room.', 'add JWT auth', 'add tests'],
    expect: { features: ['auth', 'tests'], fields: { bookings: { roomId: '→ rooms' } } },
  },
  {
    name: 'fields in parentheses, then a new parent',
    prompts: [
      'An e-commerce API with products (name, price: number, in stock: boolean) and orders (total, status)',
      'add customers',
      'orders belong to customers',
    ],
    expect: {
      fields: { products: { name: 'string', price: 'number', inStock: 'boolean' }, orders: { customerId: '→ customers', total: 'number', status: 'string' } },
    },
  },
  { name: 'awkward resource names', prompts: ['An API with news, classes and packages'], expect: { resources: ['news', 'classes', 'packages'] } },
  {
    name: 'tickets for events, filtered',
    prompts: ['An API for events and tickets for events', 'add filtering'],
    expect: { fields: { tickets: { eventId: '→ events' } }, features: ['filtering'] },
  },
  {
    name: 'remove a relation by its resource word',
    prompts: ['A bookstore API with authors and books. Books belong to authors.', 'remove the author from books'],
    expect: { fields: { books: { title: 'string', year: 'number' } }, noFields: { books: ['authorId'] }, noRoutes: ['GET /authors/{id}/books'] },
  },
  {
    name: 'a new resource with its fields, then a nested one',
    prompts: ['A blog API', 'add a tags resource with a required name and a color', 'add reviews to posts'],
    expect: { resources: ['posts', 'comments', 'tags', 'reviews'], fields: { tags: { name: 'string', color: 'string' }, reviews: { postId: '→ posts' } } },
  },
  {
    name: 'a child renamed with its parent, then tests',
    prompts: ['A REST API for a bookstore with authors and books', 'Add reviews to books', 'rename books to titles', 'add tests'],
    expect: { fields: { reviews: { titleId: '→ titles' } }, routes: ['GET /titles/{id}/reviews'], features: ['tests'] },
  },
  {
    name: 'typed fields added later',
    prompts: ['A todo API', 'add price as a number, stock of type integer and in stock: boolean to todos'],
    expect: { fields: { todos: { title: 'string', done: 'boolean', price: 'number', stock: 'number', inStock: 'boolean' } } },
  },
  {
    name: '"companies have many contacts"',
    prompts: ['A CRM API with companies and contacts. Companies have many contacts.'],
    expect: { fields: { contacts: { companyId: '→ companies' } }, routes: ['GET /companies/{id}/contacts'] },
  },
  {
    name: 'date and date-time fields',
    prompts: ['An API for events with name, startsAt and a publishedDate', 'add tests'],
    expect: { fields: { events: { name: 'string', startsAt: 'datetime', publishedDate: 'date' } } },
  },
];
