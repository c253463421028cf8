import { describe, expect, it } from 'vitest';
import type { ChangeIntent } from './prompt-intents';
import { understandChangePrompt } from './understand-change-prompt';

const added = (resources: string[], extra: Partial<Extract<ChangeIntent, { kind: 'add-resources' }>> = {}): ChangeIntent => ({
  kind: 'add-resources',
  resources,
  features: [],
  unsupported: [],
  ...extra,
});

describe('understandChangePrompt', () => {
  it.each<[string, ChangeIntent]>([
    ['Add a reviews resource', added(['reviews'])],
    ['add reviews', added(['reviews'])],
    ['Please also add a review endpoint, thanks!', added(['review'])],
    ['Add tags and categories', added(['tags', 'categories'])],
    ['Add reviews to the API', added(['reviews'])],
    ['Add reviews to books', added(['reviews'], { relatedTo: 'books' })],
    ['add a reviews resource for each book', added(['reviews'], { relatedTo: 'book' })],
    ['add reviews and pagination', added(['reviews'], { features: ['pagination'] })],
    [
      'Add a reviews resource with a rating and a comment',
      added(['reviews'], {
        fields: [
          { name: 'rating', required: false },
          { name: 'comment', required: false },
        ],
      }),
    ],
    ['remove books', { kind: 'remove-resources', resources: ['books'] }],
    ['Remove the books resource.', { kind: 'remove-resources', resources: ['books'] }],
    ['delete the books and authors endpoints', { kind: 'remove-resources', resources: ['books', 'authors'] }],
    ['remove books from the API', { kind: 'remove-resources', resources: ['books'] }],
    ['Add a price field to books', { kind: 'add-fields', resource: 'books', fields: [{ name: 'price', required: false }] }],
    ['add isbn to books', { kind: 'add-fields', resource: 'books', fields: [{ name: 'isbn', required: false }] }],
    ['add an author to books', { kind: 'add-fields', resource: 'books', fields: [{ name: 'author', required: false }] }],
    ['add isAdmin to users', { kind: 'add-fields', resource: 'users', fields: [{ name: 'isAdmin', required: false }] }],
    [
      'Add isbn and a required published date to the books resource',
      {
        kind: 'add-fields',
        resource: 'books',
        fields: [
          { name: 'isbn', required: false },
          { name: 'publishedDate', required: true },
        ],
      },
    ],
    [
      'add price as a number, stock of type integer and in stock: boolean to products',
      {
        kind: 'add-fields',
        resource: 'products',
        fields: [
          { name: 'price', required: false, type: 'number' },
          { name: 'stock', required: false, type: 'number' },
          { name: 'inStock', required: false, type: 'boolean' },
        ],
      },
    ],
    ['Remove the price field from books', { kind: 'remove-fields', resource: 'books', fields: ['price'] }],
    ['remove isbn and price from book', { kind: 'remove-fields', resource: 'book', fields: ['isbn', 'price'] }],
  ])('%j', (prompt, intent) => {
    expect(understandChangePrompt(prompt)).toEqual(intent);
  });

  it.each<[string, ChangeIntent]>([
    ['add JWT auth', { kind: 'add-features', features: ['auth'], unsupported: [] }],
    ['add authentication', { kind: 'add-features', features: ['auth'], unsupported: [] }],
    ['Add pagination and filtering', { kind: 'add-features', features: ['pagination', 'filtering'], unsupported: [] }],
    ['please add rate limiting', { kind: 'add-features', features: ['rate-limit'], unsupported: [] }],
    ['enable CORS', { kind: 'add-features', features: ['cors'], unsupported: [] }],
    ['add request logging', { kind: 'add-features', features: ['logging'], unsupported: [] }],
    ['write tests', { kind: 'add-features', features: ['tests'], unsupported: [] }],
    ['add pagination to the list routes', { kind: 'add-features', features: ['pagination'], unsupported: [] }],
    ['use Postgres', { kind: 'add-features', features: [], unsupported: ['postgres'] }],
    ['remove rate limiting', { kind: 'remove-features', features: ['rate-limit'] }],
    ['disable JWT auth and CORS', { kind: 'remove-features', features: ['auth', 'cors'] }],
  ])('feature change %j', (prompt, intent) => {
    expect(understandChangePrompt(prompt)).toEqual(intent);
  });

  it.each([
    ['books belong to authors', 'books', 'authors'],
    ['Make each book belong to an author', 'book', 'author'],
    ['each book has an author', 'book', 'author'],
    ['books should have an author', 'books', 'author'],
    ['authors have many books', 'books', 'authors'],
    ['link books to authors', 'books', 'authors'],
    ['connect each review to a book', 'review', 'book'],
  ])('relation %j', (prompt, child, parent) => {
    expect(understandChangePrompt(prompt)).toEqual({ kind: 'add-relation', relation: { child, parent } });
  });

  it.each<[string, ChangeIntent]>([
    ['rename books to titles', { kind: 'rename', from: 'books', to: 'titles' }],
    ['Rename the books resource to titles', { kind: 'rename', from: 'books', to: 'titles' }],
    ['rename price to cost in books', { kind: 'rename', from: 'price', to: 'cost', resource: 'books' }],
    ['rename the price field of books to cost', { kind: 'rename', from: 'price', to: 'cost', resource: 'books' }],
    ['rename published date to release date', { kind: 'rename', from: 'publishedDate', to: 'releaseDate' }],
  ])('rename %j', (prompt, intent) => {
    expect(understandChangePrompt(prompt)).toEqual(intent);
  });

  it.each<[string, ChangeIntent]>([
    ['add children to classes', added(['children'], { relatedTo: 'classes' })],
    ['add calories to recipes', { kind: 'add-fields', resource: 'recipes', fields: [{ name: 'calories', required: false }] }],
    ['add a priority number to tasks', { kind: 'add-fields', resource: 'tasks', fields: [{ name: 'priority', required: false, type: 'number' }] }],
    ['add a license number to drivers', { kind: 'add-fields', resource: 'drivers', fields: [{ name: 'licenseNumber', required: false }] }],
    ['delete the phone field', { kind: 'remove-fields', fields: ['phone'] }],
    ['tickets should be assigned to an agent', { kind: 'add-relation', relation: { child: 'tickets', parent: 'agent' } }],
    ['secure it with JWT', { kind: 'add-features', features: ['auth'], unsupported: [] }],
    ['paginate the list endpoints', { kind: 'add-features', features: ['pagination'], unsupported: [] }],
    ['make the lists filterable', { kind: 'add-features', features: ['filtering'], unsupported: [] }],
    ['add pagination + filtering', { kind: 'add-features', features: ['pagination', 'filtering'], unsupported: [] }],
  ])('in other words: %j', (prompt, intent) => {
    expect(understandChangePrompt(prompt)).toEqual(intent);
  });

  it.each([
    'make it faster',
    'Add a way to search books',
    'Add reviews. Remove books.',
    'add reviews and remove books',
    'add a reviews resource with rating and comment to books',
    'add price as a currency to books',
    'remove books and pagination',
    'rename',
    'books belong to authors and publishers',
    'A REST API for a library with members and loans',
    '',
  ])('does not understand %j', (prompt) => {
    expect(understandChangePrompt(prompt)).toBeNull();
  });
});
