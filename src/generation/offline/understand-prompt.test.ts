import { describe, expect, it } from 'vitest';
import { understandChangePrompt, understandCreatePrompt } from './understand-prompt';

describe('understandCreatePrompt', () => {
  it.each([
    ['A REST API for a bookstore with authors and books', 'Bookstore API', ['authors', 'books']],
    ['An API for managing tasks and projects', 'Tasks and Projects API', ['tasks', 'projects']],
    ['A blog API with posts, comments, and users.', 'Blog API', ['posts', 'comments', 'users']],
    ['Build an API with a category, a product & an order', 'Category, Product and Order API', ['category', 'product', 'order']],
    ['A REST API for books and authors', 'Books and Authors API', ['books', 'authors']],
    ['A simple CRUD API for categories and products', 'Categories and Products API', ['categories', 'products']],
    ['REST API for people and their pets', 'People and Pets API', ['people', 'pets']],
    ['A movie database API with movies, actors as well as reviews', 'Movie Database API', ['movies', 'actors', 'reviews']],
    ['A todo API', 'Todo API', ['todo']],
    ['A to-do list API', 'Todo List API', ['todo']],
    ['An API where users can post notes', 'Users and Notes API', ['users', 'notes']],
    ['An API that tracks blog posts and user accounts', 'Posts and Accounts API', ['posts', 'accounts']],
    ['A REST API for books with title and author fields', 'Books API', ['books']],
  ])('%j → %s with %j', (prompt, title, resources) => {
    const intent = understandCreatePrompt(prompt);
    expect(intent).toMatchObject({ title, resources });
    expect(intent?.impliedBy).toBeUndefined();
  });

  it('takes the resources of a domain when none are named, and says so', () => {
    expect(understandCreatePrompt('Build me a blog API')).toEqual({
      title: 'Blog API',
      resources: ['posts', 'comments'],
      ignored: [],
      impliedBy: 'blog',
    });
    expect(understandCreatePrompt('A REST API for a bookstore')).toMatchObject({ resources: ['authors', 'books'], impliedBy: 'bookstore' });
  });

  it('does not take the domain of "a movie database" for a database feature', () => {
    expect(understandCreatePrompt('A movie database API with movies and actors')?.ignored).toEqual([]);
  });

  it('reports features it does not build instead of making resources of them', () => {
    expect(understandCreatePrompt('A REST API with JWT auth for users')).toEqual({
      title: 'Users API',
      resources: ['users'],
      ignored: ['jwt', 'auth'],
    });
    expect(understandCreatePrompt('An API for a library with books, members and loans. Add pagination and use Postgres.')).toMatchObject({
      title: 'Library API',
      resources: ['books', 'members', 'loans'],
      ignored: ['pagination', 'postgres'],
    });
  });

  it.each(['make me something cool', 'Hello!', 'An API with authentication', '', 'A REST API'])('finds nothing in %j', (prompt) => {
    expect(understandCreatePrompt(prompt)).toBeNull();
  });
});

describe('understandChangePrompt', () => {
  it.each([
    ['Add a reviews resource', { kind: 'add-resources', resources: ['reviews'], ignored: [] }],
    ['add reviews', { kind: 'add-resources', resources: ['reviews'], ignored: [] }],
    ['Please also add a review endpoint, thanks!', { kind: 'add-resources', resources: ['review'], ignored: [] }],
    ['Add tags and categories', { kind: 'add-resources', resources: ['tags', 'categories'], ignored: [] }],
    ['Add reviews to the API', { kind: 'add-resources', resources: ['reviews'], ignored: [] }],
    ['Add reviews to books', { kind: 'add-resources', resources: ['reviews'], ignored: [], relatedTo: 'books' }],
    ['add a reviews resource for each book', { kind: 'add-resources', resources: ['reviews'], ignored: [], relatedTo: 'book' }],
    [
      'Add a reviews resource with a rating and a comment',
      {
        kind: 'add-resources',
        resources: ['reviews'],
        ignored: [],
        fields: [
          { name: 'rating', required: false },
          { name: 'comment', required: false },
        ],
      },
    ],
    ['add authentication', { kind: 'add-resources', resources: [], ignored: ['authentication'] }],
    ['remove books', { kind: 'remove-resources', resources: ['books'] }],
    ['Remove the books resource.', { kind: 'remove-resources', resources: ['books'] }],
    ['delete the books and authors endpoints', { kind: 'remove-resources', resources: ['books', 'authors'] }],
    ['remove books from the API', { kind: 'remove-resources', resources: ['books'] }],
    ['Add a price field to books', { kind: 'add-fields', resource: 'books', fields: [{ name: 'price', required: false }] }],
    ['add isbn to books', { kind: 'add-fields', resource: 'books', fields: [{ name: 'isbn', required: false }] }],
    ['add an author to books', { kind: 'add-fields', resource: 'books', fields: [{ name: 'author', required: false }] }],
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

  it.each([
    'make it faster',
    'Add a way to search books',
    'Add reviews. Remove books.',
    'add reviews and remove books',
    'add a reviews resource with rating and comment to books',
    'rename books to titles',
    'add price as a currency to books',
    'A REST API for a library with members and loans',
    '',
  ])('does not understand %j', (prompt) => {
    expect(understandChangePrompt(prompt)).toBeNull();
  });
});
