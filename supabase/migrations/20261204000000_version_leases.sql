-- API Forge: the lease a worker holds on the version it generates (docs/architecture.md, "Jobs").
-- With several processes on one Postgres, a version is taken over only when its lease has expired:
-- start-up never ends a version that a live process is still working on.
alter table api_versions add column lease_owner text;
alter table api_versions add column lease_expires_at timestamptz;

comment on column api_versions.lease_owner is 'The process that generates this version now (host:pid:random), while it is generating or validating.';
comment on column api_versions.lease_expires_at is 'When the lease ends unless renewed; the owner renews it every few seconds. An expired lease means the owner died.';

create index api_versions_lease_idx on api_versions (lease_expires_at) where status in ('generating', 'validating');
