// What the offline generator says when it cannot do what was asked: plainly what it can do, and
// that connecting a model handles everything else.
const CREATE_EXAMPLES = [
  'A REST API for a bookstore with authors and books',
  'An API for managing tasks and projects',
  'A blog API with posts, comments and users',
];

const CHANGE_EXAMPLES = [
  'Add a reviews resource',
  'Add reviews to books',
  'Add a price field to books',
  'Add isbn and a required published date to books',
  'Remove the price field from books',
  'Remove books',
];

const CONNECT_A_MODEL =
  'For free-form requests, connect a model: set OPENAI_API_KEY (and OPENAI_BASE_URL for any OpenAI-compatible ' +
  'server, OPENAI_MODEL to pick one) and restart.';

const WHAT_IT_IS =
  'The offline generator is a deterministic scaffolder, not a language model: it builds CRUD resources with typed fields, and nothing else.';

function bullets(lines: string[]): string {
  return lines.map((line) => `- "${line}"`).join('\n');
}

/** The answer to a request the offline generator did not understand or cannot carry out. */
export function capabilitiesMessage(problem: string, firstVersion: boolean): string {
  const examples = firstVersion
    ? `For a first version it understands a description that names the resources, like:\n${bullets(CREATE_EXAMPLES)}`
    : `For a later version it understands changes like:\n${bullets(CHANGE_EXAMPLES)}`;
  return `${problem}\n\n${WHAT_IT_IS} ${examples}\n\n${CONNECT_A_MODEL}`;
}
