// Test data: follow-ups on a previous version, in the voices of people iterating with the offline
// generator: add or remove a resource, add, remove or rename fields, relate resources, switch
// features on and off. Each first prompt is plain, so what is tested is the follow-up; fields are
// exact where the prompts spell all of them out. See offline-prompt-corpus.ts. Used by tests only.
import type { CorpusEntry } from './offline-prompt-corpus-types';

const resourceChanges: CorpusEntry[] = [
  { prompts: ['A podcast API with shows and episodes', 'add guests'], resources: ['shows', 'episodes', 'guests'] },
  { prompts: ['A gym API with members and trainers', 'get rid of trainers'], resources: ['members'] },
  { prompts: ['A vinyl API with records and artists', 'can you rename records to albums please'], resources: ['albums', 'artists'] },
  { prompts: ['A shelter API with animals and adopters', 'drop adopters and add volunteers'], resources: ['animals', 'volunteers'] },
  { prompts: ['A lab API with samples and analyses', 'remove analyses'], resources: ['samples'] },
  {
    prompts: ['A daycare API with classes and teachers', 'add children to classes'],
    resources: ['classes', 'teachers', 'children'],
    includes: { children: { classId: '→ classes' } },
  },
  { prompts: ['A photo API with albums and photos', 'rename albums to galleries'], resources: ['galleries', 'photos'] },
  { prompts: ['A band API with gigs and songs', 'add venues and setlists'], resources: ['gigs', 'songs', 'venues', 'setlists'] },
  { prompts: ['A coworking API with desks and bookings', 'rename the desks resource to spaces'], resources: ['spaces', 'bookings'] },
  {
    prompts: ['An equipment rental API with equipment, customers and rentals', 'remove customers', 'add members'],
    resources: ['equipment', 'rentals', 'members'],
  },
  { prompts: ['An API for my travel stories with stories and photos', 'remove the photos'], resources: ['stories'] },
  {
    prompts: ['A school API with students and courses', 'add enrollments with a student and a course'],
    resources: ['students', 'courses', 'enrollments'],
    fields: { enrollments: { studentId: '→ students', courseId: '→ courses' } },
  },
];

const fieldChanges: CorpusEntry[] = [
  {
    prompts: ['A podcast API with shows (title, host) and episodes (title, duration)', 'also add a published flag to episodes'],
    resources: ['shows', 'episodes'],
    fields: { shows: { title: 'string', host: 'string' }, episodes: { title: 'string', duration: 'number', published: 'boolean' } },
  },
  {
    prompts: ['A phonebook API with people (name, phone, email)', 'rename phone to mobile'],
    resources: ['people'],
    fields: { people: { name: 'string', mobile: 'string', email: 'string' } },
  },
  {
    prompts: ['A wine API with wines (name, region)', 'add a price (number) and a sparkling boolean to wines'],
    resources: ['wines'],
    fields: { wines: { name: 'string', region: 'string', price: 'number', sparkling: 'boolean' } },
  },
  {
    prompts: ['A recipes API with recipes (title, description, source, author)', 'remove source and author from recipes'],
    resources: ['recipes'],
    fields: { recipes: { title: 'string', description: 'string' } },
  },
  {
    prompts: ['A garden API with plants and beds', 'add a watered at timestamp to plants'],
    resources: ['plants', 'beds'],
    includes: { plants: { wateredAt: 'datetime' } },
  },
  {
    prompts: ['A fleet API with trucks (plate, capacity) and drivers (name)', 'add a required license number to drivers'],
    resources: ['trucks', 'drivers'],
    fields: { trucks: { plate: 'string', capacity: 'number' }, drivers: { name: 'string', licenseNumber: 'string' } },
  },
  {
    prompts: ['An events API with events (name, venue, date)', 'rename venue to location in events'],
    resources: ['events'],
    fields: { events: { name: 'string', location: 'string', date: 'date' } },
  },
  {
    prompts: ['A moving API with boxes and rooms', 'add a weight to boxes', 'remove rooms'],
    resources: ['boxes'],
    includes: { boxes: { weight: 'number' } },
  },
  {
    prompts: ['A volunteer API with volunteers (name, email, phone)', 'delete the phone field'],
    resources: ['volunteers'],
    fields: { volunteers: { name: 'string', email: 'string' } },
  },
  { prompts: ['A car rental API with cars and rentals', 'add a daily rate as a number to cars'], resources: ['cars', 'rentals'], includes: { cars: { dailyRate: 'number' } } },
  { prompts: ['A choir API with singers and songs', 'add a voice part field to singers'], resources: ['singers', 'songs'], includes: { singers: { voicePart: 'string' } } },
  {
    prompts: ['A recipe API with recipes (title, description)', 'add isVegan and calories to recipes'],
    resources: ['recipes'],
    fields: { recipes: { title: 'string', description: 'string', isVegan: 'boolean', calories: 'number' } },
  },
  {
    prompts: ['A tasks API with tasks (title, done)', 'add a due date and a priority number to tasks'],
    resources: ['tasks'],
    fields: { tasks: { title: 'string', done: 'boolean', dueDate: 'date', priority: 'number' } },
  },
  {
    prompts: ['A pet API with pets (name, species)', 'rename species to breed', 'add an owner name to pets'],
    resources: ['pets'],
    fields: { pets: { name: 'string', breed: 'string', ownerName: 'string' } },
  },
];

const relationChanges: CorpusEntry[] = [
  { prompts: ['A kanban API with boards and cards', 'cards should belong to boards'], resources: ['boards', 'cards'], includes: { cards: { boardId: '→ boards' } } },
  { prompts: ['A clinic API with patients and visits', 'each visit has a patient'], resources: ['patients', 'visits'], includes: { visits: { patientId: '→ patients' } } },
  {
    prompts: ['A bakery API with cakes and orders', 'add customers', 'every order belongs to a customer'],
    resources: ['cakes', 'orders', 'customers'],
    includes: { orders: { customerId: '→ customers' } },
  },
  { prompts: ['A TV API with series and episodes', 'episodes belong to series'], resources: ['series', 'episodes'], includes: { episodes: { seriesId: '→ series' } } },
  {
    prompts: ['A support API with agents and tickets (subject, status)', 'tickets should be assigned to an agent'],
    resources: ['tickets', 'agents'],
    fields: { tickets: { agentId: '→ agents', subject: 'string', status: 'string' } },
  },
  {
    prompts: ['An e-learning API with courses and lessons', 'lessons belong to courses', 'rename lessons to modules'],
    resources: ['courses', 'modules'],
    includes: { modules: { courseId: '→ courses' } },
  },
  {
    prompts: ['An inventory API with products and suppliers', 'products have a supplier'],
    resources: ['products', 'suppliers'],
    includes: { products: { supplierId: '→ suppliers' } },
  },
  {
    prompts: ['A quiz API with quizzes and questions', 'add answers to questions', 'add tests'],
    resources: ['quizzes', 'questions', 'answers'],
    includes: { answers: { questionId: '→ questions' } },
    features: ['tests'],
  },
  { prompts: ['A news site API with news and categories', 'news belongs to categories'], resources: ['news', 'categories'], includes: { news: { categoryId: '→ categories' } } },
  { prompts: ['A lab API with mice and cages', 'each mouse belongs to a cage'], resources: ['mice', 'cages'], includes: { mice: { cageId: '→ cages' } } },
  {
    prompts: ['A CRM API with people and companies', 'people belong to companies', 'rename companies to organisations'],
    resources: ['people', 'organisations'],
    includes: { people: { organisationId: '→ organisations' } },
  },
];

const featureChanges: CorpusEntry[] = [
  { prompts: ['An expense tracker API with expenses and budgets', 'secure it with JWT'], resources: ['expenses', 'budgets'], features: ['auth'] },
  { prompts: ['A music API with artists, albums and songs', 'paginate the list endpoints'], resources: ['artists', 'albums', 'songs'], features: ['pagination'] },
  { prompts: ['A music API with artists, albums and songs', 'make the lists filterable'], resources: ['artists', 'albums', 'songs'], features: ['filtering'] },
  {
    prompts: ['A conference API with talks and speakers', 'talks belong to speakers', 'add rooms', 'add pagination and CORS'],
    resources: ['talks', 'speakers', 'rooms'],
    includes: { talks: { speakerId: '→ speakers' } },
    features: ['pagination', 'cors'],
  },
  { prompts: ['A newsletter API with subscribers and issues', 'add rate limiting & logging'], resources: ['subscribers', 'issues'], features: ['rate-limit', 'logging'] },
  { prompts: ['A habit tracker API with habits', 'add tests please'], resources: ['habits'], features: ['tests'] },
  { prompts: ['A forum API with threads and replies, with pagination and auth', 'turn off auth'], resources: ['threads', 'replies'], features: ['pagination'] },
  {
    prompts: ['A job board API with companies and jobs', 'add a salary and a remote flag to jobs', 'add applicants to jobs', 'add filtering'],
    resources: ['companies', 'jobs', 'applicants'],
    includes: { jobs: { salary: 'number', remote: 'boolean' }, applicants: { jobId: '→ jobs' } },
    features: ['filtering'],
  },
  { prompts: ['A cinema API with movies and screenings', 'add CORS', 'also add JWT authentication'], resources: ['movies', 'screenings'], features: ['auth', 'cors'] },
  { prompts: ['An airline API with flights and passengers', 'add pagination + filtering'], resources: ['flights', 'passengers'], features: ['pagination', 'filtering'] },
  { prompts: ['A makerspace API with tools and members', 'add logging', 'turn on rate limiting'], resources: ['tools', 'members'], features: ['rate-limit', 'logging'] },
];

export const ITERATIONS: CorpusEntry[] = [...resourceChanges, ...fieldChanges, ...relationChanges, ...featureChanges];
