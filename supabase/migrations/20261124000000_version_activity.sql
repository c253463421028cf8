-- What a run did before it wrote code, kept with its version: the stream_buffer events that also say
-- so are pruned after the retention window, and the chat shows these lines for every version.
alter table api_versions add column activity jsonb;
comment on column api_versions.activity is 'What the run did before writing code, for the chat''s activity lines: readNote ("Read src/index.ts and 9 more files") and plannedFileCount. Written as it happens, so a stopped or failed version keeps it too.';
