// Picks the model adapter the environment asks for.
import type { Backends, Env } from '@/env';
import type { ModelAdapter } from '../ports';
import { createOfflineModel } from '../offline/offline-model';
import { createOpenAIModel } from './openai-model';
import { createParallelFilesModel } from './parallel-files-model';

export function createModel(env: Env, backends: Backends): ModelAdapter {
  switch (backends.model) {
    case 'offline':
      return createOfflineModel({ chunkDelayMs: env.FORGE_OFFLINE_CHUNK_DELAY_MS });
    case 'openai': {
      const options = { apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: env.OPENAI_MODEL };
      switch (env.FORGE_PARALLEL_FILES) {
        case 'off':
          return createOpenAIModel(options);
        case 'on':
          return createParallelFilesModel({ ...options, concurrency: env.FORGE_PARALLEL_CONCURRENCY, when: 'always' });
        case 'auto':
          return createParallelFilesModel({ ...options, concurrency: env.FORGE_PARALLEL_CONCURRENCY, when: 'first-version' });
      }
    }
  }
}
