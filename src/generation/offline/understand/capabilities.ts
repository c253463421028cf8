// What the offline generator says when it cannot do what was asked: plainly what it can do, and
// that connecting a model handles everything else. Its tests check that every example it gives works.
export const CREATE_EXAMPLES = [
  'A REST API for a bookstore with authors and books',
  'A bookstore API with authors, and books with title, price and published date. Books belong to authors.',
  'A users API with email, age and isAdmin, with JWT auth and pagination',
  'A blog API with posts and comments on posts, with rate limiting, CORS, request logging and tests',
];

export const CHANGE_EXAMPLES = [
  'Add a reviews resource',
  'Add reviews to books',
  'Add isbn and a required published date to books',
  'Books belong to authors',
  'Rename books to titles',
  'Rename price to cost in books',
  'Remove the price field from books',
  'Add JWT auth',
  'Add pagination and filtering',
  'Remove rate limiting',
];

const FEATURES_TEXT =
  'Features it can add: JWT auth, pagination, filtering, rate limiting, CORS, request logging and tests (npm test).';

const CONNECT_A_MODEL =
  'For free-form requests, connect a model: set OPENAI_API_KEY (and OPENAI_BASE_URL for any OpenAI-compatible ' +
  'server, OPENAI_MODEL to pick one) and restart.';

const WHAT_IT_IS =
  'The offline generator is a deterministic scaffolder, not a language model: it builds resources with typed fields, ' +
  'relations between them and a fixed set of features, and nothing else.';

function bullets(lines: string[]): string {
  return lines.map((line) => `- "${line}"`).join('\n');
}

/** The answer to a request the offline generator did not understand or cannot carry out. */
export function capabilitiesMessage(problem: string, firstVersion: boolean): string {
  const examples = firstVersion
    ? `For a first version it understands a description that names the resources, like:\n${bullets(CREATE_EXAMPLES)}`
    : `For a later version it understands changes like these, one or several in a prompt ("remove books and add reviews"):\n${bullets(CHANGE_EXAMPLES)}`;
  return `${problem}\n\n${WHAT_IT_IS} ${examples}\n\n${FEATURES_TEXT}\n\n${CONNECT_A_MODEL}`;
}
