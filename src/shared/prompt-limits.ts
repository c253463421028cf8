// How long a prompt may be: the server refuses longer ones (src/server/api/schemas.ts) and the chat
// input counts down to the same number. Pure.
export const MAX_PROMPT_LENGTH = 8000;
