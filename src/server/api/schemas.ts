// Input pieces shared by several procedures' schemas.
import { z } from 'zod';
import { MAX_PROMPT_LENGTH } from '@/shared/prompt-limits';

export const idSchema = z.uuid({ error: 'Must be an id (uuid).' });

export const promptSchema = z
  .string({ error: 'The prompt must be text.' })
  .trim()
  .min(1, 'Write what the API should do first.')
  .max(MAX_PROMPT_LENGTH, `Keep the prompt under ${MAX_PROMPT_LENGTH} characters.`)
  // Postgres text cannot hold NUL; refusing it here gives a clear 400 instead of a failed insert.
  .refine((prompt) => !prompt.includes('\u0000'), 'The prompt may not contain NUL characters.');
