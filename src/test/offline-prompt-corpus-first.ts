// Test data: first prompts in the voices of people meeting the offline generator, each with what a
// reasonable reader takes it to ask for. Resources are exact; fields are exact where the prompt
// spells them out. See offline-prompt-corpus.ts for the entry format. Used by tests only.
import type { CorpusEntry } from './offline-prompt-corpus-types';

const terse: CorpusEntry[] = [
  { prompts: ['kanban api: boards, columns, cards'], resources: ['boards', 'columns', 'cards'] },
  { prompts: ['gym api - members, trainers, classes'], resources: ['members', 'trainers', 'classes'] },
  { prompts: ['inventory: products, suppliers, warehouses'], resources: ['products', 'suppliers', 'warehouses'] },
  { prompts: ['api for recipes + ingredients'], resources: ['recipes', 'ingredients'] },
  { prompts: ['notes backend w/ notebooks and notes'], resources: ['notebooks', 'notes'] },
  { prompts: ['crud for invoices and clients'], resources: ['invoices', 'clients'] },
  { prompts: ['parking api: garages, spots, permits'], resources: ['garages', 'spots', 'permits'] },
  { prompts: ['Electric scooter sharing: scooters / stations / rides / riders'], resources: ['scooters', 'stations', 'rides', 'riders'] },
  { prompts: ['microblog: users, posts, follows, likes'], resources: ['users', 'posts', 'follows', 'likes'] },
];

const chatty: CorpusEntry[] = [
  { prompts: ['hi! can you make me an API for my little bakery? I need cakes, orders and customers'], resources: ['cakes', 'orders', 'customers'] },
  {
    prompts: ["Hello there, I'm building a mobile app for dog walkers and I need a backend with walkers, dogs, owners and walks. Thanks a lot!"],
    resources: ['walkers', 'dogs', 'owners', 'walks'],
  },
  {
    prompts: ["I run a small yoga studio and I'd love an API to keep track of students, classes and bookings"],
    resources: ['students', 'classes', 'bookings'],
  },
  { prompts: ['So basically I want something to manage my vinyl collection: records, artists and labels.'], resources: ['records', 'artists', 'labels'] },
  {
    prompts: ['Could you please set up an API for our football club? We have teams, players, matches and venues.'],
    resources: ['teams', 'players', 'matches', 'venues'],
  },
  { prompts: ["We're a non-profit and we need an API for volunteers, shifts and locations."], resources: ['volunteers', 'shifts', 'locations'] },
  { prompts: ['Please generate an API for a bicycle repair shop. It should have bikes, customers and repairs.'], resources: ['bikes', 'customers', 'repairs'] },
  { prompts: ['A simple API for a flower delivery business. It needs bouquets, orders and couriers.'], resources: ['bouquets', 'orders', 'couriers'] },
  {
    prompts: ["I'd like an API for a newsletter. Subscribers (email, name, confirmed), issues (subject, sent at), and that's it."],
    resources: ['subscribers', 'issues'],
    fields: { subscribers: { email: 'string', name: 'string', confirmed: 'boolean' }, issues: { subject: 'string', sentAt: 'datetime' } },
  },
  { prompts: ['my wife and I keep chickens, can you give us an api with hens, eggs and coops?'], resources: ['hens', 'eggs', 'coops'] },
  {
    prompts: ["Ok so the idea is a marketplace for handmade stuff. Sellers, listings, orders, reviews. That's all for now"],
    resources: ['sellers', 'listings', 'orders', 'reviews'],
  },
];

const lists: CorpusEntry[] = [
  { prompts: ['API for a dentist office:\n- patients\n- dentists\n- appointments\n- invoices'], resources: ['patients', 'dentists', 'appointments', 'invoices'] },
  { prompts: ['Resources:\n* projects\n* milestones\n* tasks'], resources: ['projects', 'milestones', 'tasks'] },
  { prompts: ['Build an API with:\n1. courses\n2. lessons\n3. quizzes\n4. enrollments'], resources: ['courses', 'lessons', 'quizzes', 'enrollments'] },
  { prompts: ['I need these endpoints\n- vehicles\n- drivers\n- trips'], resources: ['vehicles', 'drivers', 'trips'] },
  {
    prompts: ['Fleet API\n1. trucks: plate number, capacity\n2. drivers: name, license number\n3. deliveries'],
    resources: ['trucks', 'drivers', 'deliveries'],
    fields: { trucks: { plateNumber: 'string', capacity: 'number' }, drivers: { name: 'string', licenseNumber: 'string' } },
  },
  { prompts: ['Podcast API. 1) shows 2) episodes 3) hosts'], resources: ['shows', 'episodes', 'hosts'] },
  {
    prompts: ['Help desk\n\nResources:\n- tickets (title, description, status)\n- comments (body)\n- agents (name, email)\n\nFeatures: auth, pagination'],
    resources: ['tickets', 'comments', 'agents'],
    fields: {
      tickets: { title: 'string', description: 'string', status: 'string' },
      comments: { body: 'string' },
      agents: { name: 'string', email: 'string' },
    },
    features: ['auth', 'pagination'],
  },
  {
    prompts: ['Project management API\n\nprojects - name, deadline\nmilestones - title, due date\ntasks - title, done'],
    resources: ['projects', 'milestones', 'tasks'],
    fields: { projects: { name: 'string', deadline: 'date' }, milestones: { title: 'string', dueDate: 'date' }, tasks: { title: 'string', done: 'boolean' } },
  },
  {
    prompts: ['Hotel booking backend\nguests: name, email, phone\nrooms: name, capacity, nightly price\nbookings: check in date, check out date'],
    resources: ['guests', 'rooms', 'bookings'],
    fields: {
      guests: { name: 'string', email: 'string', phone: 'string' },
      rooms: { name: 'string', capacity: 'number', nightlyPrice: 'number' },
      bookings: { checkInDate: 'date', checkOutDate: 'date' },
    },
  },
  { prompts: ['Church app API\n• members\n• events\n• donations'], resources: ['members', 'events', 'donations'] },
  {
    prompts: ['Things my API needs:\n- poets\n- poems (title, text, year)\n- anthologies'],
    resources: ['poets', 'poems', 'anthologies'],
    fields: { poems: { title: 'string', text: 'string', year: 'number' } },
  },
];

const separators: CorpusEntry[] = [
  { prompts: ['An API for a conference with speakers; talks; rooms; attendees'], resources: ['speakers', 'talks', 'rooms', 'attendees'] },
  { prompts: ['Music API: artists/albums/tracks'], resources: ['artists', 'albums', 'tracks'] },
  { prompts: ['API for my freelance work: clients & projects & invoices'], resources: ['clients', 'projects', 'invoices'] },
  { prompts: ['A travel API with trips and destinations plus reviews'], resources: ['trips', 'destinations', 'reviews'] },
  { prompts: ['An API with doctors and nurses and wards'], resources: ['doctors', 'nurses', 'wards'] },
  { prompts: ['Real estate API (properties, agents, viewings)'], resources: ['properties', 'agents', 'viewings'] },
  { prompts: ['Garden planner API: plants, beds, seeds, harvests'], resources: ['plants', 'beds', 'seeds', 'harvests'] },
  { prompts: ['Need a backend for my comic shop: comics, publishers, subscriptions'], resources: ['comics', 'publishers', 'subscriptions'] },
  { prompts: ['An API for a vet: pets, owners, visits and vaccinations'], resources: ['pets', 'owners', 'visits', 'vaccinations'] },
  { prompts: ['API for an escape room business: rooms, bookings, teams & scores'], resources: ['rooms', 'bookings', 'teams', 'scores'] },
  { prompts: ['Make me a CRUD API for properties and tenants and leases'], resources: ['properties', 'tenants', 'leases'] },
  { prompts: ['Airline API with flights, airports, passengers, and bookings'], resources: ['flights', 'airports', 'passengers', 'bookings'] },
  { prompts: ['Fitness app backend with workouts, exercises and sets'], resources: ['workouts', 'exercises', 'sets'] },
  { prompts: ['Support group API: meetings, members, and topics'], resources: ['meetings', 'members', 'topics'] },
];

const titles: CorpusEntry[] = [
  { prompts: ['Recipes And Ingredients API for my blog'], resources: ['recipes', 'ingredients'] },
  { prompts: ['Employee Directory API With Departments And Employees'], resources: ['departments', 'employees'] },
  { prompts: ['Hiking Trails And Reviews API'], resources: ['trails', 'reviews'] },
  { prompts: ['Warehouse Management API: Products, Bins, Shipments'], resources: ['products', 'bins', 'shipments'] },
  { prompts: ['Students And Grades API For A Small School'], resources: ['students', 'grades'] },
  { prompts: ['Wedding Planner: Guests, Tables, Vendors'], resources: ['guests', 'tables', 'vendors'] },
];

const irregularPlurals: CorpusEntry[] = [
  { prompts: ['An API for a daycare with children, parents and caregivers'], resources: ['children', 'parents', 'caregivers'] },
  { prompts: ['Networking app: people, companies, notes'], resources: ['people', 'companies', 'notes'] },
  { prompts: ['An API for a local newspaper with news, categories and journalists'], resources: ['news', 'categories', 'journalists'] },
  { prompts: ['TV guide API with series, episodes and channels'], resources: ['series', 'episodes', 'channels'] },
  { prompts: ['Sports club rental API: equipment, members, rentals'], resources: ['equipment', 'members', 'rentals'] },
  { prompts: ['media library API with media, albums and tags'], resources: ['media', 'albums', 'tags'] },
  { prompts: ['Lab API: samples, analyses, technicians'], resources: ['samples', 'analyses', 'technicians'] },
  { prompts: ['Moving company API with boxes, rooms and moves'], resources: ['boxes', 'rooms', 'moves'] },
  { prompts: ['Research lab API tracking mice, cages and experiments'], resources: ['mice', 'cages', 'experiments'] },
  { prompts: ['A birdwatching API: species, habitats, sightings'], resources: ['species', 'habitats', 'sightings'] },
  { prompts: ['Quiz app with quizzes, questions and answers'], resources: ['quizzes', 'questions', 'answers'] },
  { prompts: ['Shipping API with addresses, cities and countries'], resources: ['addresses', 'cities', 'countries'] },
  { prompts: ['wishlist api: wishes, gifts, people'], resources: ['wishes', 'gifts', 'people'] },
  { prompts: ['Bus company API with buses, drivers and stops'], resources: ['buses', 'drivers', 'stops'] },
  { prompts: ['Bookshelf app: shelves and books'], resources: ['shelves', 'books'] },
  {
    prompts: ['Car dealership API with cars (make, model, year, price, sold) and salespeople'],
    resources: ['cars', 'salespeople'],
    fields: { cars: { make: 'string', model: 'string', year: 'number', price: 'number', sold: 'boolean' } },
  },
  { prompts: ['Product feedback API: products, feedback, votes'], resources: ['products', 'feedback', 'votes'] },
  { prompts: ['Grant review API: applications, criteria, scores'], resources: ['applications', 'criteria', 'scores'] },
  { prompts: ['Chore chart for my kids: children, chores and rewards'], resources: ['children', 'chores', 'rewards'] },
];

export const FIRST_PROMPTS_NAMING: CorpusEntry[] = [...terse, ...chatty, ...lists, ...separators, ...titles, ...irregularPlurals];
