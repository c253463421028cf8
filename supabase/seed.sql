-- No seed data: projects belong to users and are created from the app.
-- This file exists so `supabase db reset` has a seed to run.
select 1;
