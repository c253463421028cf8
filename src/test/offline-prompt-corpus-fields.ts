// Test data: first prompts that give fields, relations and features alongside the resources, in
// the voices of people meeting the offline generator. Fields are exact where the prompt spells them
// out. See offline-prompt-corpus.ts for the entry format. Used by tests only.
import type { CorpusEntry } from './offline-prompt-corpus-types';

const mixedFields: CorpusEntry[] = [
  {
    prompts: ['API for a pet shelter with animals (name, species, age, adopted) and adopters (name, email, phone)'],
    resources: ['animals', 'adopters'],
    fields: {
      animals: { name: 'string', species: 'string', age: 'number', adopted: 'boolean' },
      adopters: { name: 'string', email: 'string', phone: 'string' },
    },
  },
  {
    prompts: ['I need recipes with a title, servings and instructions, plus ingredients (name, calories) and tags.'],
    resources: ['recipes', 'ingredients', 'tags'],
    fields: { recipes: { title: 'string', servings: 'number', instructions: 'string' }, ingredients: { name: 'string', calories: 'number' } },
  },
  {
    prompts: ['Gym API. Members: name, email, joined date. Trainers: name, specialty. Sessions with date and duration.'],
    resources: ['members', 'trainers', 'sessions'],
    fields: {
      members: { name: 'string', email: 'string', joinedDate: 'date' },
      trainers: { name: 'string', specialty: 'string' },
      sessions: { date: 'date', duration: 'number' },
    },
  },
  {
    prompts: ['Board game night API: games with title, publisher and year; players with name and email; plays (date, notes)'],
    resources: ['games', 'players', 'plays'],
    fields: {
      games: { title: 'string', publisher: 'string', year: 'number' },
      players: { name: 'string', email: 'string' },
      plays: { date: 'date', notes: 'string' },
    },
  },
  {
    prompts: ['an api that stores my reading notes: books (title, author, finished), notes (text, page)'],
    resources: ['books', 'notes'],
    fields: { books: { title: 'string', author: 'string', finished: 'boolean' }, notes: { text: 'string', page: 'number' } },
  },
  {
    prompts: ['An address book API with people (name, phone, email)'],
    resources: ['people'],
    fields: { people: { name: 'string', phone: 'string', email: 'string' } },
  },
  {
    prompts: ['Wine cellar API. Wines: name, region, year, price. Bottles: location, opened.'],
    resources: ['wines', 'bottles'],
    fields: { wines: { name: 'string', region: 'string', year: 'number', price: 'number' }, bottles: { location: 'string', opened: 'boolean' } },
  },
  {
    prompts: ['Plant shop: plants with name, price, in stock; orders; customers'],
    resources: ['plants', 'orders', 'customers'],
    fields: { plants: { name: 'string', price: 'number', inStock: 'boolean' } },
  },
  {
    prompts: ['Car workshop API: cars; mechanics; repairs (description, cost, finished date)'],
    resources: ['cars', 'mechanics', 'repairs'],
    fields: { repairs: { description: 'string', cost: 'number', finishedDate: 'date' } },
  },
  {
    prompts: ['Events API: events (name, starts at, capacity) & attendees (name, email) & organizers'],
    resources: ['events', 'attendees', 'organizers'],
    fields: { events: { name: 'string', startsAt: 'datetime', capacity: 'number' }, attendees: { name: 'string', email: 'string' } },
  },
  {
    prompts: ['Trivia game api. questions with text, answer and points; categories with name'],
    resources: ['questions', 'categories'],
    fields: { questions: { text: 'string', answer: 'string', points: 'number' }, categories: { name: 'string' } },
  },
  {
    prompts: ['Museum API: artworks, artists, exhibitions. Artworks have a title, a year and a medium.'],
    resources: ['artworks', 'artists', 'exhibitions'],
    fields: { artworks: { title: 'string', year: 'number', medium: 'string' } },
  },
  {
    prompts: [
      'Our school needs an API. Students have a name, an email and a birthday. Teachers have a name and a subject. Classes have a title and a room.',
    ],
    resources: ['students', 'teachers', 'classes'],
    fields: {
      students: { name: 'string', email: 'string', birthday: 'date' },
      teachers: { name: 'string', subject: 'string' },
      classes: { title: 'string', room: 'string' },
    },
  },
];

const relations: CorpusEntry[] = [
  {
    prompts: [
      'Personal finance API with accounts, transactions and budgets. Transactions have an amount, a date and a note. Each transaction belongs to an account.',
    ],
    resources: ['accounts', 'transactions', 'budgets'],
    fields: { transactions: { accountId: '→ accounts', amount: 'number', date: 'date', note: 'string' } },
  },
  {
    prompts: ['An API for a dance school: dancers, instructors, styles, lessons. Lessons have a style, an instructor, a date and a price.'],
    resources: ['dancers', 'instructors', 'styles', 'lessons'],
    fields: { lessons: { styleId: '→ styles', instructorId: '→ instructors', date: 'date', price: 'number' } },
  },
  {
    prompts: [
      'Library of tools for our street: tools (name, condition), neighbours (name, address, phone) and borrowings (tool, neighbour, returned)',
    ],
    resources: ['tools', 'neighbours', 'borrowings'],
    fields: {
      tools: { name: 'string', condition: 'string' },
      neighbours: { name: 'string', address: 'string', phone: 'string' },
      borrowings: { toolId: '→ tools', neighbourId: '→ neighbours', returned: 'boolean' },
    },
  },
  {
    prompts: ['an api for orders and customers; every order belongs to a customer'],
    resources: ['orders', 'customers'],
    includes: { orders: { customerId: '→ customers' } },
  },
  {
    prompts: ['API for my photography portfolio with galleries and photos, each photo belongs to a gallery'],
    resources: ['galleries', 'photos'],
    includes: { photos: { galleryId: '→ galleries' } },
  },
  {
    prompts: ['Forum API: threads, replies, users. Replies belong to threads.'],
    resources: ['threads', 'replies', 'users'],
    includes: { replies: { threadId: '→ threads' } },
  },
  { prompts: ['A simple inventory system tracking items in warehouses'], resources: ['items', 'warehouses'] },
  { prompts: ['Restaurant reservations API: tables, reservations, guests'], resources: ['tables', 'reservations', 'guests'] },
  {
    prompts: ['Band API with gigs, setlists, songs and venues; every gig has a venue'],
    resources: ['gigs', 'setlists', 'songs', 'venues'],
    includes: { gigs: { venueId: '→ venues' } },
  },
  { prompts: ['A TV API where series have many episodes'], resources: ['series', 'episodes'], includes: { episodes: { seriesId: '→ series' } } },
];

const withFeatures: CorpusEntry[] = [
  {
    prompts: ['Expense tracker API with expenses (amount, category, date) and budgets, with JWT auth and pagination'],
    resources: ['expenses', 'budgets'],
    fields: { expenses: { amount: 'number', category: 'string', date: 'date' } },
    features: ['auth', 'pagination'],
  },
  {
    prompts: ['A paginated jobs board API: companies, jobs (title, salary, remote) and applicants. Add filtering too.'],
    resources: ['companies', 'jobs', 'applicants'],
    fields: { jobs: { title: 'string', salary: 'number', remote: 'boolean' } },
    features: ['pagination', 'filtering'],
  },
  {
    prompts: ['Support desk API with tickets and agents; tickets have a subject, a status and a resolved flag; rate limiting and CORS please'],
    resources: ['tickets', 'agents'],
    fields: { tickets: { subject: 'string', status: 'string', resolved: 'boolean' } },
    features: ['rate-limit', 'cors'],
  },
  {
    prompts: ['Build a secure API (JWT) for a clinic with patients (name, birth date, insurance number) and visits, and log every request'],
    resources: ['patients', 'visits'],
    fields: { patients: { name: 'string', birthDate: 'date', insuranceNumber: 'string' } },
    features: ['auth', 'logging'],
  },
  { prompts: ['habit tracker with habits, entries and streaks, plus tests'], resources: ['habits', 'entries', 'streaks'], features: ['tests'] },
  {
    prompts: ['Build a REST backend for a coworking space with desks, members, bookings and invoices, paginated and with CORS'],
    resources: ['desks', 'members', 'bookings', 'invoices'],
    features: ['pagination', 'cors'],
  },
  {
    prompts: ['Film festival API with films, screenings and juries, with logins and request logs'],
    resources: ['films', 'screenings', 'juries'],
    features: ['auth', 'logging'],
  },
];

export const FIRST_PROMPTS_WITH_DETAIL: CorpusEntry[] = [...mixedFields, ...relations, ...withFeatures];
