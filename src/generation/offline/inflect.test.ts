import { describe, expect, it } from 'vitest';
import { camelCase, looksPlural, pluralize, singularize, withArticle } from './inflect';

describe('pluralize and singularize', () => {
  it.each([
    ['book', 'books'],
    ['category', 'categories'],
    ['person', 'people'],
    ['movie', 'movies'],
    ['address', 'addresses'],
    ['box', 'boxes'],
    ['match', 'matches'],
    ['dish', 'dishes'],
    ['status', 'statuses'],
    ['day', 'days'],
    ['course', 'courses'],
    ['employee', 'employees'],
    ['news', 'news'],
    ['child', 'children'],
    ['quiz', 'quizzes'],
    ['salesperson', 'salespeople'],
    ['grandchild', 'grandchildren'],
    ['medium', 'media'],
    ['menu', 'menus'],
    ['crisis', 'crises'],
    ['knife', 'knives'],
    ['hero', 'heroes'],
    ['staff', 'staff'],
  ])('%s ⇄ %s', (singular, plural) => {
    expect(pluralize(singular)).toBe(plural);
    expect(singularize(plural)).toBe(singular);
  });

  it('leaves singular words alone when singularizing', () => {
    expect(['book', 'status', 'address', 'analysis', 'bookstore'].map(singularize)).toEqual([
      'book',
      'status',
      'address',
      'analysis',
      'bookstore',
    ]);
  });

  it('tells plural-looking words', () => {
    expect(['books', 'people', 'news', 'categories'].every(looksPlural)).toBe(true);
    expect(['book', 'person', 'status', 'address', 'bookstore'].some(looksPlural)).toBe(false);
  });
});

describe('identifier and article helpers', () => {
  it('camel-cases words', () => {
    expect(camelCase(['release', 'date'])).toBe('releaseDate');
    expect(camelCase(['Is', 'PUBLISHED'])).toBe('isPublished');
    expect(camelCase(['is_admin'])).toBe('isAdmin');
    expect(camelCase(['an', 'is_admin', 'flag'])).toBe('anIsAdminFlag');
  });

  it.each([
    ['book', 'a book'],
    ['author', 'an author'],
    ['event', 'an event'],
    ['user', 'a user'],
    ['umbrella', 'an umbrella'],
    ['unit', 'a unit'],
    ['hour', 'an hour'],
  ])('%s → %s', (word, phrase) => {
    expect(withArticle(word)).toBe(phrase);
  });
});
