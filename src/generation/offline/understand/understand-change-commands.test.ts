import { describe, expect, it } from 'vitest';
import { understandChangeCommands } from './understand-change-commands';

describe('understandChangeCommands', () => {
  it('reads one command as one change', () => {
    expect(understandChangeCommands('Add reviews to books')).toEqual([{ kind: 'add-resources', resources: ['reviews'], features: [], unsupported: [], relatedTo: 'books' }]);
  });

  it.each([
    ['drop adopters and add volunteers', ['remove-resources', 'add-resources']],
    ['Add reviews. Remove books.', ['add-resources', 'remove-resources']],
    ['add a price to books, then rename books to titles', ['add-fields', 'rename']],
    ['add reviews and then remove books, thanks', ['add-resources', 'remove-resources']],
  ])('reads %j as several changes', (prompt, kinds) => {
    expect(understandChangeCommands(prompt)?.map((intent) => intent.kind)).toEqual(kinds);
  });

  it('understands none of the commands when it does not understand one', () => {
    expect(understandChangeCommands('add reviews and make it faster')).toBeNull();
    expect(understandChangeCommands('make it faster')).toBeNull();
  });
});
