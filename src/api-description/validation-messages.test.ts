import { describe, expect, it } from 'vitest';
import { describeValidationError, pathAtLine } from './validation-messages';

const document = {
  openapi: '3.1.0',
  paths: {
    '/books': { get: { parameters: [{ name: 'q' }, {}], responses: 'nope' } },
    '/empty': {},
  },
  tags: [],
};

describe('pathAtLine', () => {
  it('finds the value on every line of the two-space JSON text', () => {
    const lines = JSON.stringify(document, null, 2).split('\n');
    const found = lines.map((_text, index) => pathAtLine(document, index + 1)?.join('.'));
    expect(found).toEqual([
      '', // {
      'openapi',
      'paths',
      'paths./books',
      'paths./books.get',
      'paths./books.get.parameters',
      'paths./books.get.parameters.0', // {
      'paths./books.get.parameters.0.name',
      'paths./books.get.parameters.0', // }
      'paths./books.get.parameters.1', // {}
      'paths./books.get.parameters', // ]
      'paths./books.get.responses',
      'paths./books.get', // }
      'paths./books', // }
      'paths./empty',
      'paths', // }
      'tags',
      '', // }
    ]);
    expect(pathAtLine(document, lines.length + 1)).toBeNull();
  });
});

describe('describeValidationError', () => {
  it('names the place of a code frame and drops the keyword in capitals', () => {
    const message = 'TYPE must be object\n\n  11 |         ],\n> 12 |         "responses": "nope"\n     |                      ^ type must be object\n  13 |       }';
    expect(describeValidationError(message, document)).toEqual({ where: 'paths./books.get.responses', message: 'must be object' });
  });

  it('keeps a message without a code frame as it is', () => {
    expect(describeValidationError('The operationId `a` is duplicated and must be made unique.', document)).toEqual({
      where: null,
      message: 'The operationId `a` is duplicated and must be made unique.',
    });
  });
});
