// Limits of the request console that the server enforces and the workspace and CLI explain. Pure.

/** A request body may be at most this many bytes (UTF-8). */
export const MAX_PREVIEW_REQUEST_BODY_BYTES = 256 * 1024;
/** A response body is cut after this many bytes, and the answer says so. */
export const MAX_PREVIEW_RESPONSE_BODY_BYTES = 1024 * 1024;
/** A request path, without its query. */
export const MAX_PREVIEW_PATH_LENGTH = 2048;
export const MAX_PREVIEW_HEADERS = 50;
export const MAX_PREVIEW_QUERY_PARAMS = 100;
/** How many requests a project's console history keeps. */
export const REQUEST_HISTORY_LIMIT = 200;
