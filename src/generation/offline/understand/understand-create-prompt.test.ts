import { describe, expect, it } from 'vitest';
import { understandCreatePrompt } from './understand-create-prompt';

describe('understandCreatePrompt: resources and title', () => {
  it.each([
    ['A REST API for a bookstore with authors and books', 'Bookstore API', ['authors', 'books']],
    ['An API for managing tasks and projects', 'Tasks and Projects API', ['tasks', 'projects']],
    ['A blog API with posts, comments, and users.', 'Blog API', ['posts', 'comments', 'users']],
    ['Build an API with a category, a product & an order', 'Category, Product and Order API', ['categories', 'products', 'orders']],
    ['A REST API for books and authors', 'Books and Authors API', ['books', 'authors']],
    ['REST API for people and their pets', 'People and Pets API', ['people', 'pets']],
    ['A movie database API with movies, actors as well as reviews', 'Movie Database API', ['movies', 'actors', 'reviews']],
    ['A todo API', 'Todo API', ['todos']],
    ['A to-do list API', 'Todo List API', ['todos']],
    ['An API where users can post notes', 'Users and Notes API', ['users', 'notes']],
    ['An API that tracks blog posts and user accounts', 'Posts and Accounts API', ['posts', 'accounts']],
    ['An API for a gadget shop with gadgets and makers', 'Gadget Shop API', ['gadgets', 'makers']],
  ])('%j → %s with %j', (prompt, title, resources) => {
    const intent = understandCreatePrompt(prompt);
    expect(intent).toMatchObject({ title, resources, fields: {}, relations: [] });
    expect(intent?.impliedBy).toBeUndefined();
  });

  it('takes the resources of a domain when none are named, and says so', () => {
    expect(understandCreatePrompt('Build me a blog API')).toEqual({
      title: 'Blog API',
      resources: ['posts', 'comments'],
      fields: {},
      relations: [],
      features: [],
      unsupported: [],
      unclear: [],
      impliedBy: 'blog',
    });
    expect(understandCreatePrompt('A REST API for a bookstore')).toMatchObject({ resources: ['authors', 'books'], impliedBy: 'bookstore' });
  });

  it.each(['make me something cool', 'Hello!', 'An API with authentication', '', 'A REST API'])('finds nothing in %j', (prompt) => {
    expect(understandCreatePrompt(prompt)).toBeNull();
  });
});

describe('understandCreatePrompt: a resource named as the title\'s subject is built', () => {
  it.each([
    ['Recipes And Ingredients API: recipes have a title and cooking time', 'Recipes and Ingredients API', ['recipes', 'ingredients']],
    ['Vehicles And Drivers API', 'Vehicles and Drivers API', ['vehicles', 'drivers']],
    ['Books & Authors API. Books have a title.', 'Books and Authors API', ['books', 'authors']],
    ['Stores, Employees and Shifts API: employees have a name', 'Stores, Employees and Shifts API', ['stores', 'employees', 'shifts']],
    ['Movies and Actors API where movies have a title and a year', 'Movies and Actors API', ['movies', 'actors']],
  ])('%j → %s with %j', (prompt, title, resources) => {
    expect(understandCreatePrompt(prompt)).toMatchObject({ title, resources });
  });
});

describe('understandCreatePrompt: every resource of a list after a colon is built', () => {
  it.each([
    ['Library API: members, loans, books. Books have a title and an isbn', ['members', 'loans', 'books'], 'books'],
    ['Inventory API: products, suppliers, warehouses. Products have a name and a price.', ['products', 'suppliers', 'warehouses'], 'products'],
    ['A school API: students, teachers, courses. Students have a name. Courses have a title.', ['students', 'teachers', 'courses'], 'courses'],
    ['Gym API: members; trainers; sessions. Each session has a start time.', ['members', 'trainers', 'sessions'], 'sessions'],
  ])('%j → %j, with the fields of %s', (prompt, resources, described) => {
    const intent = understandCreatePrompt(prompt);
    expect(intent?.resources).toEqual(resources);
    expect(Object.keys(intent?.fields ?? {})).toContain(described);
  });
});

describe('understandCreatePrompt: fields', () => {
  it.each([
    [
      'A bookstore API with authors, and books with title, price and published date',
      { books: [{ name: 'title', required: false }, { name: 'price', required: false }, { name: 'publishedDate', required: false }] },
    ],
    [
      'A users API with email, age and isAdmin',
      { users: [{ name: 'email', required: false }, { name: 'age', required: false }, { name: 'isAdmin', required: false }] },
    ],
    ['users with a required email and an is_admin flag', { users: [{ name: 'email', required: true }, { name: 'isAdmin', required: false, type: 'boolean' }] }],
    ['A todo API with title and done', { todos: [{ name: 'title', required: false }, { name: 'done', required: false }] }],
    ['A REST API for books with title and author fields', { books: [{ name: 'title', required: false }, { name: 'author', required: false }] }],
    [
      'An API with books with title and price, and authors with name',
      { books: [{ name: 'title', required: false }, { name: 'price', required: false }], authors: [{ name: 'name', required: false }] },
    ],
    [
      'products (name, price: number, in stock: boolean) and orders (total)',
      {
        products: [{ name: 'name', required: false }, { name: 'price', required: false, type: 'number' }, { name: 'inStock', required: false, type: 'boolean' }],
        orders: [{ name: 'total', required: false }],
      },
    ],
    ['An API with books. Each book has a title and a price.', { books: [{ name: 'title', required: false }, { name: 'price', required: false }] }],
  ])('%j', (prompt, fields) => {
    expect(understandCreatePrompt(prompt)?.fields).toEqual(fields);
  });

  it('reads "a books API with authors" as resources, not as fields of books', () => {
    expect(understandCreatePrompt('A books API with authors and reviews')).toMatchObject({ resources: ['books', 'authors', 'reviews'], fields: {} });
  });

  it('quotes back list items it cannot read as a field', () => {
    expect(understandCreatePrompt('An API with books with title and price as money')?.unclear).toEqual(['price as money']);
  });
});

describe('understandCreatePrompt: relations', () => {
  it.each([
    ['A bookstore API with authors and books. Books belong to authors.', { child: 'books', parent: 'authors' }],
    ['An API with books and authors where each book belongs to an author', { child: 'books', parent: 'authors' }],
    ['An API with books and authors where each book has an author', { child: 'books', parent: 'authors' }],
    ['An API with books and authors. Authors have many books.', { child: 'books', parent: 'authors' }],
    ['A bookstore API with books, and reviews for books', { child: 'reviews', parent: 'books' }],
    ['A blog API with posts and comments on posts', { child: 'comments', parent: 'posts' }],
    ['An API for events and tickets for each event', { child: 'tickets', parent: 'events' }],
    ['An API where gadgets belong to makers', { child: 'gadgets', parent: 'makers' }],
  ])('%j', (prompt, relation) => {
    expect(understandCreatePrompt(prompt)?.relations).toEqual([relation]);
  });

  it('makes resources of both ends of "belongs to"', () => {
    expect(understandCreatePrompt('An API where gadgets belong to makers')?.resources).toEqual(['gadgets', 'makers']);
  });

  it('reads "has" items as a relation when they name a resource and as fields otherwise', () => {
    const intent = understandCreatePrompt('An API where each book has a title and an author, and authors have a name');
    expect(intent).toMatchObject({
      resources: ['books', 'authors'],
      fields: { books: [{ name: 'title', required: false }], authors: [{ name: 'name', required: false }] },
      relations: [{ child: 'books', parent: 'authors' }],
    });
  });

  it('relates nothing when one end is no resource', () => {
    expect(understandCreatePrompt('An API for books with a title, for sale in shops')?.relations).toEqual([]);
    expect(understandCreatePrompt('A REST API for books and authors')?.relations).toEqual([]);
  });
});

describe('understandCreatePrompt: features', () => {
  it.each([
    ['A bookstore API with JWT auth and pagination', ['auth', 'pagination']],
    ['A REST API with JWT auth for users', ['auth']],
    ['A blog API with rate limiting, CORS, request logging and tests', ['rate-limit', 'cors', 'logging', 'tests']],
    ['An API for tasks with filtering. Add pagination too.', ['pagination', 'filtering']],
  ])('%j asks for %j', (prompt, features) => {
    expect(understandCreatePrompt(prompt)?.features).toEqual(features);
  });

  it('does not take features for resources or fields', () => {
    expect(understandCreatePrompt('A bookstore API with books, authors, JWT auth and pagination')?.resources).toEqual(['books', 'authors']);
    expect(understandCreatePrompt('An API with users with email, with rate limiting')?.fields).toEqual({ users: [{ name: 'email', required: false }] });
  });

  it('reports what it does not build, but not a domain that sounds like it ("a movie database")', () => {
    expect(understandCreatePrompt('An API for a library with books, members and loans. Add pagination and use Postgres.')).toMatchObject({
      title: 'Library API',
      features: ['pagination'],
      unsupported: ['postgres'],
    });
    expect(understandCreatePrompt('A movie database API with movies and actors')?.unsupported).toEqual([]);
  });
});
