// What the offline generator knows about words: sensible default fields for common resources,
// the resources a bare domain implies ("a blog API"), field types guessed from field names, and
// words that ask for what it does not build.
import type { FieldSchema, FieldType } from '../schema/api-schema';
import { looksPlural, pluralize, singularize } from '../inflect';

/**
 * Default fields of common resources, by plural. `!` marks a required field; the type comes from
 * inferFieldType, so this table also keeps that inference honest.
 */
const DEFAULT_FIELDS = new Map<string, string[]>(
  Object.entries({
    users: ['name!', 'email!'],
    people: ['name!', 'email'],
    authors: ['name!', 'bio'],
    books: ['title!', 'year'],
    reviews: ['rating!', 'comment'],
    products: ['name!', 'price!', 'description'],
    orders: ['total!', 'status'],
    customers: ['name!', 'email!'],
    posts: ['title!', 'body!', 'published'],
    comments: ['body!', 'author'],
    tasks: ['title!', 'done', 'dueDate'],
    todos: ['title!', 'done'],
    notes: ['title!', 'content'],
    categories: ['name!', 'description'],
    tags: ['name!'],
    movies: ['title!', 'year', 'director'],
    events: ['name!', 'startsAt!', 'location'],
    tickets: ['title!', 'status', 'priority'],
    projects: ['name!', 'description'],
    employees: ['name!', 'email', 'role'],
    students: ['name!', 'email'],
    teachers: ['name!', 'subject'],
    courses: ['title!', 'description'],
    members: ['name!', 'email'],
    loans: ['bookId!', 'memberId!', 'dueDate'],
    invoices: ['customerName!', 'amount!', 'dueDate', 'paid'],
    payments: ['amount!', 'method'],
    messages: ['content!', 'sender'],
    notifications: ['message!', 'read'],
    recipes: ['title!', 'ingredients', 'instructions'],
    songs: ['title!', 'artist', 'durationSeconds'],
    albums: ['title!', 'artist', 'year'],
    artists: ['name!'],
    playlists: ['name!'],
    photos: ['title!', 'url!'],
    videos: ['title!', 'url!'],
    documents: ['title!', 'content'],
    bookmarks: ['url!', 'title'],
    questions: ['title!', 'body'],
    answers: ['body!'],
    rooms: ['name!', 'capacity'],
    bookings: ['guestName!', 'date!'],
    reservations: ['guestName!', 'date!'],
    vehicles: ['make!', 'model!', 'year'],
    pets: ['name!', 'species'],
    doctors: ['name!', 'specialty'],
    patients: ['name!', 'birthDate'],
    appointments: ['title!', 'startsAt!'],
    companies: ['name!', 'website'],
    contacts: ['name!', 'email', 'phone'],
    accounts: ['name!', 'balance'],
    transactions: ['amount!', 'description'],
    expenses: ['amount!', 'description', 'date'],
    budgets: ['name!', 'amount!'],
    items: ['name!', 'quantity'],
    suppliers: ['name!', 'email'],
    warehouses: ['name!', 'location'],
    shipments: ['trackingNumber!', 'status'],
    teams: ['name!'],
    players: ['name!', 'position'],
    jobs: ['title!', 'company', 'salary'],
    issues: ['title!', 'status'],
    goals: ['title!', 'done'],
    habits: ['name!', 'frequency'],
    workouts: ['name!', 'durationMinutes'],
    restaurants: ['name!', 'cuisine'],
    dishes: ['name!', 'price!'],
    addresses: ['street!', 'city!', 'country'],
    cities: ['name!', 'country'],
    countries: ['name!', 'code'],
    subscriptions: ['email!', 'plan'],
    plans: ['name!', 'price!'],
    coupons: ['code!', 'discount'],
  }),
);

/** Resources for a domain named with no resources: "a blog API" → posts and comments. */
const DOMAIN_RESOURCES = new Map<string, string[]>(
  Object.entries({
    blog: ['posts', 'comments'],
    bookstore: ['authors', 'books'],
    library: ['books', 'members', 'loans'],
    shop: ['products', 'orders', 'customers'],
    store: ['products', 'orders', 'customers'],
    ecommerce: ['products', 'orders', 'customers'],
    webshop: ['products', 'orders', 'customers'],
    restaurant: ['dishes', 'reservations'],
    school: ['students', 'teachers', 'courses'],
    clinic: ['doctors', 'patients', 'appointments'],
    hospital: ['doctors', 'patients', 'appointments'],
    hotel: ['rooms', 'bookings'],
    crm: ['contacts', 'companies'],
    cinema: ['movies', 'tickets'],
  }),
);

/**
 * Words that ask for something the offline generator does not build. They are reported back in the
 * summary rather than turned into resources ("with a database" is not a `databases` resource).
 * Features it does build are in feature-catalog.ts.
 */
const UNSUPPORTED_WORDS = new Set([
  'oauth', 'signup', 'sorting', 'search', 'database', 'db', 'postgres', 'postgresql', 'mysql',
  'mongodb', 'mongo', 'sqlite', 'redis', 'prisma', 'docker', 'kubernetes', 'caching', 'websockets',
  'websocket', 'graphql', 'uploads', 'roles', 'permissions', 'express', 'fastify', 'nestjs', 'koa',
  'deployment',
]);

/** Words that name nothing in a request ("a REST API with CRUD endpoints for ..."). */
const FILLER_WORDS = new Set([
  'a', 'an', 'the', 'some', 'my', 'our', 'their', 'its', 'all', 'each', 'every', 'multiple',
  'several', 'many', 'new', 'simple', 'basic', 'small', 'full', 'complete', 'standard', 'api',
  'apis', 'rest', 'restful', 'http', 'json', 'crud', 'endpoint', 'endpoints', 'route', 'routes',
  'resource', 'resources', 'operations', 'entity', 'entities', 'model', 'models', 'collection',
  'collections', 'typescript', 'node', 'nodejs', 'validation', 'openapi', 'swagger', 'docs',
  'documentation', 'support', 'backend', 'server', 'service', 'app', 'application', 'system', 'etc', 'eg', 'ie',
  'please', 'pls', 'plz', 'thanks', 'thx', 'ty', 'cheers', 'hi', 'hello', 'hey', 'ok', 'okay', 'basically', 'just',
]);

export function isUnsupportedWord(word: string): boolean {
  return UNSUPPORTED_WORDS.has(word);
}

export function isFillerWord(word: string): boolean {
  return FILLER_WORDS.has(word);
}

export function isKnownResource(word: string): boolean {
  return DEFAULT_FIELDS.has(word) || DEFAULT_FIELDS.has(pluralize(word));
}

export function domainResources(word: string): string[] | undefined {
  return DOMAIN_RESOURCES.get(word);
}

/** `books` or `book` → both forms. Known resources win over the spelling rules. */
export function resourceForms(word: string): { plural: string; singular: string } {
  if (DEFAULT_FIELDS.has(word)) return { plural: word, singular: singularize(word) };
  if (DEFAULT_FIELDS.has(pluralize(word))) return { plural: pluralize(word), singular: word };
  return looksPlural(word) ? { plural: word, singular: singularize(word) } : { plural: pluralize(word), singular: word };
}

const NUMBER_WORDS = new Set([
  'price', 'amount', 'count', 'age', 'rating', 'quantity', 'total', 'year', 'page', 'pages', 'stock',
  'score', 'cost', 'balance', 'salary', 'weight', 'height', 'width', 'length', 'duration', 'seconds',
  'minutes', 'hours', 'days', 'capacity', 'discount', 'percent', 'percentage', 'latitude',
  'longitude', 'votes', 'likes', 'views', 'points', 'servings', 'calories', 'rank', 'seats', 'mileage', 'fee',
  'budget', 'distance', 'temperature',
]);

const BOOLEAN_WORDS = new Set([
  'published', 'done', 'completed', 'active', 'available', 'archived', 'verified', 'paid', 'enabled',
  'featured', 'visible', 'read', 'confirmed', 'opened', 'sold', 'adopted', 'finished', 'remote', 'returned',
  'approved', 'cancelled', 'canceled', 'shipped', 'delivered', 'resolved', 'closed', 'public', 'private',
  'vegan', 'vegetarian', 'attended', 'accepted', 'rejected', 'booked', 'checked', 'signed', 'locked', 'hidden',
]);

const DATE_WORDS = new Set(['date', 'birthday', 'deadline']);

/**
 * A field's type from its name: price/amount/count/age/rating... → number; is*, has*, published,
 * done... → boolean; *At → date-time; *Date, birthday → date; anything else → string.
 */
export function inferFieldType(name: string): FieldType {
  const words = name.split(/(?=[A-Z])/).map((word) => word.toLowerCase());
  const first = words[0] ?? '';
  const last = words.at(-1) ?? '';
  if (words.length > 1 && ['is', 'has', 'can', 'in', 'on'].includes(first)) return 'boolean'; // inStock, onSale
  if (BOOLEAN_WORDS.has(name)) return 'boolean';
  if (words.length > 1 && last === 'at') return 'datetime';
  if (DATE_WORDS.has(last)) return 'date';
  if (NUMBER_WORDS.has(last)) return 'number';
  return 'string';
}

function fieldFromSpec(spec: string): FieldSchema {
  const name = spec.replace(/!$/, '');
  return { name, type: inferFieldType(name), required: spec.endsWith('!') };
}

/** The fields a new resource starts with: the catalog's, or just a required `name`. */
export function defaultFields(plural: string): FieldSchema[] {
  return (DEFAULT_FIELDS.get(plural) ?? ['name!']).map(fieldFromSpec);
}
