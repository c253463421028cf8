// First prompts phrased the way new users phrase them: resources in every position, lists with every
// kind of separator, plurals the spelling rules miss, and fields given in brackets or after a colon
// beside other resources. The basic phrasings are in understand-create-prompt.test.ts.
import { describe, expect, it } from 'vitest';
import { understandCreatePrompt } from './understand-create-prompt';

const resourcesOf = (prompt: string) => understandCreatePrompt(prompt)?.resources;
const fieldNamesOf = (prompt: string) =>
  Object.fromEntries(Object.entries(understandCreatePrompt(prompt)?.fields ?? {}).map(([plural, fields]) => [plural, fields.map((field) => field.name)]));

describe('understandCreatePrompt: resources in any position', () => {
  it.each([
    ['the subject of the title', 'Courses And Students API where courses have a title', ['courses', 'students']],
    ['after a colon', 'Fleet API: vehicle, driver, trip', ['vehicles', 'drivers', 'trips']],
    ['in a bulleted list', 'An API for:\n- members\n- loans\n- books\nBooks have a title.', ['members', 'loans', 'books']],
    ['in a numbered list', 'Build an API with:\n1. courses\n2. lessons\n3. quizzes', ['courses', 'lessons', 'quizzes']],
    ['numbered in a line', 'Podcast API. 1) shows 2) episodes 3) hosts', ['shows', 'episodes', 'hosts']],
    ['in brackets', 'Real estate API (properties, agents, viewings)', ['properties', 'agents', 'viewings']],
    ['said of the API', 'An API for a bike shop. It should have bikes, customers and repairs.', ['bikes', 'customers', 'repairs']],
    ['needed', 'hi! can you make me an API for my bakery? I need cakes, orders and customers', ['cakes', 'orders', 'customers']],
    ['where another is', 'A simple inventory system tracking items in warehouses', ['items', 'warehouses']],
    ['as many of another', 'A TV API where series have many episodes', ['series', 'episodes']],
  ])('%s: %j', (_position, prompt, resources) => {
    expect(resourcesOf(prompt)).toEqual(resources);
  });

  it('reads a line before a colon as a heading, not a resource', () => {
    expect(resourcesOf('So basically I want something to manage my vinyl collection: records, artists and labels.')).toEqual(['records', 'artists', 'labels']);
    expect(resourcesOf('My app has three parts: users, posts, likes')).toEqual(['users', 'posts', 'likes']);
  });

  it('takes a business in the title for the domain, not a resource', () => {
    expect(resourcesOf('Moving company API with boxes, rooms and moves')).toEqual(['boxes', 'rooms', 'moves']);
    expect(resourcesOf('An address book API with people (name, phone, email)')).toEqual(['people']);
    expect(resourcesOf('Social media API with posts and users')).toEqual(['posts', 'users']);
  });
});

describe('understandCreatePrompt: list separators', () => {
  it.each([
    ['commas', 'Blog API: posts, comments, tags'],
    ['semicolons', 'Blog API: posts; comments; tags'],
    ['slashes', 'Blog API: posts/comments/tags'],
    ['"and"', 'A blog API with posts and comments and tags'],
    ['"&"', 'A blog API with posts & comments & tags'],
    ['"plus"', 'A blog API with posts plus comments plus tags'],
    ['"+"', 'api for posts + comments + tags'],
    ['newlines', 'A blog API.\nPosts\nComments\nTags'],
    ['"w/"', 'blog backend w/ posts, comments and tags'],
  ])('%s', (_separator, prompt) => {
    expect(resourcesOf(prompt)).toEqual(['posts', 'comments', 'tags']);
  });

  it('keeps a list verb that stands as an entry: "tracks"', () => {
    expect(resourcesOf('Music API: artists/albums/tracks')).toEqual(['artists', 'albums', 'tracks']);
    expect(resourcesOf('Tracks and Albums API')).toEqual(['tracks', 'albums']);
  });
});

describe('understandCreatePrompt: irregular and uncountable plurals', () => {
  it.each([
    ['An API for mice, geese and people', ['mice', 'geese', 'people']],
    ['An API for criteria and analyses', ['criteria', 'analyses']],
    ['A restaurant API with menus and dishes', ['menus', 'dishes']],
    ['Car dealership API with cars and salespeople', ['cars', 'salespeople']],
    ['media library API with media, albums and tags', ['media', 'albums', 'tags']],
    ['Equipment tracker API: equipment, rooms', ['equipment', 'rooms']],
    ['A TV API with series and episodes', ['series', 'episodes']],
  ])('%j', (prompt, resources) => {
    expect(resourcesOf(prompt)).toEqual(resources);
  });
});

describe('understandCreatePrompt: fields beside other resources', () => {
  it.each([
    [
      '"X: fields" sentences',
      'Recipes: title, cooking time. Ingredients: name, quantity.',
      { recipes: ['title', 'cookingTime'], ingredients: ['name', 'quantity'] },
    ],
    [
      '"X with Y (fields)"',
      'A recipes API with ingredients (name, quantity) and steps (text)',
      { ingredients: ['name', 'quantity'], steps: ['text'] },
    ],
    ['a bracket inside a list', 'Recipes API: recipes (title, cooking time), ingredients', { recipes: ['title', 'cookingTime'] }],
    ['"X - fields" lines', 'Project API\nprojects - name, deadline\nmilestones - title, due date', { projects: ['name', 'deadline'], milestones: ['title', 'dueDate'] }],
    ['bullets under a heading', 'Products:\n- name\n- price: number\nOrders:\n- total', { products: ['name', 'price'], orders: ['total'] }],
    ['"the following fields"', 'An API with books and authors. Books have the following fields: title, isbn', { books: ['title', 'isbn'] }],
    ['a remark in brackets', 'Books (title, status (draft or published), price) belong to authors', { books: ['title', 'status', 'price'] }],
    ['names that end in a time or a number', 'Issues (subject, sent at) and trucks (plate number)', { issues: ['subject', 'sentAt'], trucks: ['plateNumber'] }],
    ['words that are usually no field', 'A cars API with cars (make, model, year)', { cars: ['make', 'model', 'year'] }],
  ])('%s: %j', (_form, prompt, fields) => {
    expect(fieldNamesOf(prompt)).toEqual(fields);
  });

  it('keeps the resources listed after a bracket', () => {
    expect(resourcesOf('Recipes API: recipes (title, cooking time), ingredients')).toEqual(['recipes', 'ingredients']);
    expect(resourcesOf('I need recipes with a title and servings, plus ingredients (name, calories) and tags.')).toEqual(['recipes', 'ingredients', 'tags']);
  });

  it('reads a field given only in brackets as fields, not as a resource', () => {
    expect(resourcesOf('Board game API: games with title; plays (date, notes)')).toEqual(['games', 'plays']);
  });

  it('types fields from brackets, colons and a trailing type word', () => {
    expect(understandCreatePrompt('Tickets: price (number), seat (required), sold: boolean, a priority number')?.fields).toEqual({
      tickets: [
        { name: 'price', required: false, type: 'number' },
        { name: 'seat', required: true },
        { name: 'sold', required: false, type: 'boolean' },
        { name: 'priority', required: false, type: 'number' },
      ],
    });
  });
});

describe('understandCreatePrompt: nouns left out', () => {
  it('names plural nouns it did not build, and fields named like collections', () => {
    expect(understandCreatePrompt('A blog API with posts. Users can leave comments.')?.nounsLeftOut).toEqual(['users', 'comments']);
    expect(understandCreatePrompt('A recipes API. Recipes have a title and ratings.')?.nounsLeftOut).toEqual(['ratings']);
  });

  it('leaves out nothing it built, counts, and words the same in both forms', () => {
    expect(understandCreatePrompt('A bookstore API with authors, and books with title, price and pages')?.nounsLeftOut).toBeUndefined();
    expect(understandCreatePrompt('An API with animals (name, species)')?.nounsLeftOut).toBeUndefined();
  });
});
