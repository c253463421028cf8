// supabase-js builds a Realtime client even when only Auth is used, and on Node 20 (no global
// WebSocket) that throws unless a transport is given. Every server-side Supabase client passes this.
import WebSocket from 'ws';

export const serverRealtimeOptions = { transport: WebSocket as unknown as typeof globalThis.WebSocket };
