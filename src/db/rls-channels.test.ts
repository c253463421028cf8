// Private broadcast channels (realtime.messages): a signed-in user may receive and send only on
// project:<their project's id>, and a topic that names nothing lets nobody in. Also, where the migrations
// meet less than Supabase, they still apply: without the right to create realtime.messages' policies the
// table policies stand and the channels stay closed; on PGlite and a plain Postgres they create only the
// tables and the view and leave RLS off.
import { describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { only, RLS_DENIED, setUpRlsFixture, TABLES, type Fixture, type Tx } from '@/test/rls-fixture';
import { openSupabaseLikeTestDatabase } from '@/test/supabase-roles';
import { openPgliteTestDatabase, openPostgresTestDatabase, postgresTestUrl } from '@/test/test-database';

describe.skipIf(!postgresTestUrl)('row level security on a Supabase-like Postgres', () => {
  const db = setUpRlsFixture();
  const { as, asA } = db;

  describe('private broadcast channels (realtime.messages)', () => {
    const topicOf = (f: Fixture) => `project:${f.projectId}`;
    const receive = (topic: string) => (tx: Tx) =>
      tx<{ n: number }[]>`select count(*)::int as n from realtime.messages
                          where topic = ${topic} and extension = 'broadcast'`.then((rows) => only(rows).n);
    const send = (topic: string, extension = 'broadcast') => (tx: Tx) =>
      tx`insert into realtime.messages (topic, extension, payload, event, private)
         values (${topic}, ${extension}, '{"seq":9}', 'chunk', true)`.then((result) => result.count);

    it("lets the owner receive and send on their project's topic", async () => {
      expect(await asA(receive(topicOf(db.a)), topicOf(db.a))).toBe(1);
      expect(await asA(send(topicOf(db.a)), topicOf(db.a))).toBe(1);
      // An upper-case uuid is the same project.
      const upper = `project:${db.a.projectId.toUpperCase()}`;
      expect(await asA(send(upper), upper)).toBe(1);
    });

    it("denies another user's project topic", async () => {
      expect(await asA(receive(topicOf(db.b)), topicOf(db.b))).toBe(0);
      await expect(asA(send(topicOf(db.b)), topicOf(db.b))).rejects.toThrow(RLS_DENIED);
      await expect(asA(send(topicOf(db.b)), topicOf(db.b))).rejects.toMatchObject({ code: '42501' });
    });

    it("does not let the owner's topic unlock other topics' rows", async () => {
      expect(await asA(receive(topicOf(db.b)), topicOf(db.a))).toBe(0);
      await expect(asA(send(topicOf(db.b)), topicOf(db.a))).rejects.toThrow(RLS_DENIED);
    });

    it('denies garbage topics without an error', async () => {
      for (const topic of ['project:not-a-uuid', 'project:', 'project', '', `project:${db.a.projectId}:x`, `other:${db.a.projectId}`]) {
        expect(await asA(receive(topic), topic)).toBe(0);
        await expect(asA(send(topic), topic)).rejects.toThrow(RLS_DENIED);
      }
      expect(await asA(receive('project:not-a-uuid'))).toBe(0); // realtime.topic not set at all
    });

    it('allows only the broadcast extension', async () => {
      await expect(asA(send(topicOf(db.a), 'presence'), topicOf(db.a))).rejects.toThrow(RLS_DENIED);
    });

    it('denies anon and lets service_role through', async () => {
      expect(await as('anon', null, receive(topicOf(db.a)), topicOf(db.a))).toBe(0);
      await expect(as('anon', null, send(topicOf(db.a)), topicOf(db.a))).rejects.toThrow(RLS_DENIED);
      expect(await as('service_role', null, receive(topicOf(db.b)), topicOf(db.b))).toBe(1);
    });
  });
});

describe.skipIf(!postgresTestUrl)('row level security when realtime.messages policies cannot be created', () => {
  // Some `supabase db push` versions may not create policies on realtime.messages (see realtimePolicies in
  // src/test/supabase-roles.ts): the table policies must not depend on them.
  it('still applies the table policies and leaves private channels closed', async () => {
    const database = await openSupabaseLikeTestDatabase({ realtimePolicies: false });
    try {
      const applied = await database.query<{ name: string }>('select name from forge_schema_migrations');
      expect(applied.map((row) => row.name)).toEqual(
        expect.arrayContaining(['20261123000100_row_level_security.sql', '20261203000000_live_api.sql']),
      );
      const rls = await database.query<{ n: number }>(
        `select count(*)::int as n from pg_class
         where relnamespace = 'public'::regnamespace and relrowsecurity and relname = any($1::text[])`,
        [[...TABLES]],
      );
      expect(only(rls).n).toBe(TABLES.length);
      expect(await database.query(`select * from pg_policies where schemaname = 'public' and tablename = any($1::text[])`, [[...TABLES]])).toHaveLength(TABLES.length * 4);
      // Saved checks are never edited: select, insert and delete only (rls-saved-checks.test.ts).
      expect(await database.query(`select * from pg_policies where schemaname = 'public' and tablename = 'saved_checks'`)).toHaveLength(3);
      expect(await database.query(`select * from pg_policies where schemaname = 'realtime'`)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

describe('the RLS migration elsewhere', () => {
  async function expectPlainSchema(handle: DatabaseHandle) {
    const rls = await handle.query<{ relname: string; relrowsecurity: boolean }>(
      `select relname, relrowsecurity from pg_class
       where relnamespace = 'public'::regnamespace and relname = any($1::text[])`,
      [[...TABLES]],
    );
    expect(rls).toHaveLength(TABLES.length);
    expect(rls.filter((row) => row.relrowsecurity)).toEqual([]);
    expect(await handle.query('select * from pg_policies')).toEqual([]);
    const view = only(
      await handle.query<{ reloptions: string[] | null }>(
        `select reloptions from pg_class where oid = to_regclass('public.version_overview')`,
      ),
    );
    expect(view.reloptions).toContain('security_invoker=true');
    expect(await handle.query('select * from version_overview')).toEqual([]);
    const applied = await handle.query<{ name: string }>('select name from forge_schema_migrations');
    expect(applied.map((row) => row.name)).toEqual(
      expect.arrayContaining(['20261123000100_row_level_security.sql', '20261203000000_live_api.sql']),
    );
  }

  it('applies on PGlite: the view exists, RLS stays off', async () => {
    const handle = await openPgliteTestDatabase();
    try {
      await expectPlainSchema(handle);
    } finally {
      await handle.close();
    }
  });

  it.skipIf(!postgresTestUrl)('applies on a plain Postgres without Supabase roles: the view exists, RLS stays off', async () => {
    // The cluster may well have an `authenticated` role (the Supabase-like suites create it): the guard also needs
    // auth.uid(), which a plain database lacks.
    const handle = await openPostgresTestDatabase();
    try {
      await expectPlainSchema(handle);
    } finally {
      await handle.close();
    }
  });
});
