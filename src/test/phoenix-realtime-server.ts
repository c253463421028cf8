// A local stand-in for Supabase Realtime, enough for the real @supabase/supabase-js client, so tests
// run the browser's realtime transport and the worker's REST broadcasts end to end without a project.
//
// Protocol: Phoenix channels over WebSocket with serializer vsn 2.0.0, as realtime-js speaks it and
// RealtimeWeb.Socket.V2Serializer answers:
//   - control messages are text frames holding a JSON array `[join_ref, ref, topic, event, payload]`;
//     a reply is `[join_ref, ref, topic, "phx_reply", { status, response }]`;
//   - a broadcast reaches the client as a binary "user broadcast" frame:
//     u8 kind = 4 | u8 topic length | u8 event length | u8 metadata length | u8 payload encoding (1 = JSON)
//     | topic | event | metadata | payload, where topic is the full `realtime:<topic>`.
// Not implemented: client-sent broadcasts (binary kind 3), presence, postgres_changes, and re-checking
// authorisation on an `access_token` message (it is recorded only).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { readRequestBody } from './read-request-body';

const WEBSOCKET_PATH = '/realtime/v1/websocket';
const BROADCAST_PATH = '/realtime/v1/api/broadcast';
const SUPPORTED_VSN = '2.0.0';
const USER_BROADCAST_KIND = 4;
const JSON_PAYLOAD_ENCODING = 1;

export interface PhoenixRealtimeServerOptions {
  anonKey: string;
  serviceRoleKey: string;
  /**
   * Decides a private join, as Realtime's check against the realtime.messages policies does.
   * `topic` is without the `realtime:` prefix; `accessToken` is the join's JWT. Default: allow.
   */
  authorize?: (topic: string, accessToken: string | undefined) => boolean;
}

export interface PhoenixRealtimeCounters {
  connections: number;
  joins: number;
  refusedJoins: number;
  leaves: number;
  heartbeats: number;
  accessTokenUpdates: number;
  broadcastRequests: number;
  /** Broadcast frames written to sockets. */
  deliveredBroadcasts: number;
}

export interface ReceivedBroadcastMessage {
  topic: string;
  event: string;
  payload: unknown;
  private: boolean;
}

export interface PhoenixRealtimeServer {
  /** The Supabase project URL to hand to createClient, e.g. http://127.0.0.1:PORT. */
  url: string;
  readonly counters: Readonly<PhoenixRealtimeCounters>;
  /** Every message accepted by the REST broadcast endpoint, in order. */
  readonly broadcastMessages: readonly ReceivedBroadcastMessage[];
  /** The access token of each successful join, in order. */
  readonly joinAccessTokens: readonly (string | undefined)[];
  /** Destroys every socket without a close frame, as a network failure would. */
  dropAllConnections(): void;
  /** While true, every join is refused with Supabase's "Unauthorized" reply. */
  refuseJoins(refuse: boolean): void;
  close(): Promise<void>;
}

interface Subscription {
  joinRef: string;
  private: boolean;
  accessToken: string | undefined;
}

type PhoenixMessage = [joinRef: string | null, ref: string | null, topic: string, event: string, payload: Record<string, unknown>];

function parseMessage(data: RawData): PhoenixMessage | null {
  try {
    const parsed: unknown = JSON.parse(data.toString());
    if (Array.isArray(parsed) && parsed.length === 5 && typeof parsed[2] === 'string' && typeof parsed[3] === 'string') {
      return parsed as PhoenixMessage;
    }
  } catch {
    /* not JSON: fall through */
  }
  return null;
}

function encodeUserBroadcast(topic: string, event: string, payload: unknown): Buffer {
  const topicBytes = Buffer.from(topic);
  const eventBytes = Buffer.from(event);
  if (topicBytes.length > 255 || eventBytes.length > 255) throw new Error('topic and event must fit in 255 bytes');
  const header = Buffer.from([USER_BROADCAST_KIND, topicBytes.length, eventBytes.length, 0, JSON_PAYLOAD_ENCODING]);
  return Buffer.concat([header, topicBytes, eventBytes, Buffer.from(JSON.stringify(payload))]);
}

function parseBroadcastBody(body: string): ReceivedBroadcastMessage[] | null {
  try {
    const parsed = JSON.parse(body) as { messages?: unknown };
    if (!Array.isArray(parsed.messages)) return null;
    const messages: ReceivedBroadcastMessage[] = [];
    for (const item of parsed.messages as Array<Record<string, unknown>>) {
      if (typeof item.topic !== 'string' || typeof item.event !== 'string' || typeof item.payload !== 'object' || item.payload === null) {
        return null;
      }
      messages.push({ topic: item.topic, event: item.event, payload: item.payload, private: item.private === true });
    }
    return messages;
  } catch {
    return null;
  }
}

export async function startPhoenixRealtimeServer(options: PhoenixRealtimeServerOptions): Promise<PhoenixRealtimeServer> {
  const counters: PhoenixRealtimeCounters = {
    connections: 0,
    joins: 0,
    refusedJoins: 0,
    leaves: 0,
    heartbeats: 0,
    accessTokenUpdates: 0,
    broadcastRequests: 0,
    deliveredBroadcasts: 0,
  };
  const broadcastMessages: ReceivedBroadcastMessage[] = [];
  const joinAccessTokens: (string | undefined)[] = [];
  /** Each open socket's joined channels, keyed by full topic (`realtime:...`). */
  const sockets = new Map<WebSocket, Map<string, Subscription>>();
  let refusing = false;

  const send = (socket: WebSocket, message: PhoenixMessage) => socket.send(JSON.stringify(message));
  const reply = (socket: WebSocket, [joinRef, ref, topic]: PhoenixMessage, status: 'ok' | 'error', response: object) =>
    send(socket, [joinRef, ref, topic, 'phx_reply', { status, response }]);

  function handleJoin(socket: WebSocket, subscriptions: Map<string, Subscription>, message: PhoenixMessage) {
    const [joinRef, , topic, , payload] = message;
    const subTopic = topic.replace(/^realtime:/, '');
    const config = (payload.config ?? {}) as { private?: unknown };
    const isPrivate = config.private === true;
    const accessToken = typeof payload.access_token === 'string' ? payload.access_token : undefined;
    if (refusing || (isPrivate && options.authorize && !options.authorize(subTopic, accessToken))) {
      counters.refusedJoins++;
      reply(socket, message, 'error', { reason: `Unauthorized: You do not have permissions to read from this Channel topic: ${subTopic}` });
      return;
    }
    // A second join of a topic replaces the first, as Phoenix closes the duplicate channel.
    subscriptions.set(topic, { joinRef: joinRef ?? '', private: isPrivate, accessToken });
    counters.joins++;
    joinAccessTokens.push(accessToken);
    reply(socket, message, 'ok', { postgres_changes: [] });
  }

  function handleMessage(socket: WebSocket, subscriptions: Map<string, Subscription>, message: PhoenixMessage) {
    const [, , topic, event, payload] = message;
    if (topic === 'phoenix' && event === 'heartbeat') {
      counters.heartbeats++;
      reply(socket, message, 'ok', {});
      return;
    }
    if (event === 'phx_join') {
      handleJoin(socket, subscriptions, message);
      return;
    }
    const subscription = subscriptions.get(topic);
    if (!subscription) {
      reply(socket, message, 'error', { reason: 'unmatched topic' });
      return;
    }
    if (event === 'phx_leave') {
      subscriptions.delete(topic);
      counters.leaves++;
      reply(socket, message, 'ok', {});
    } else if (event === 'access_token' && typeof payload.access_token === 'string') {
      subscription.accessToken = payload.access_token;
      counters.accessTokenUpdates++;
    }
  }

  function deliver(message: ReceivedBroadcastMessage) {
    const topic = `realtime:${message.topic}`;
    // Realtime keeps private and public channels of one name apart; a broadcast reaches only its kind.
    const frame = encodeUserBroadcast(topic, message.event, message.payload);
    for (const [socket, subscriptions] of sockets) {
      if (subscriptions.get(topic)?.private === message.private) {
        socket.send(frame, { binary: true });
        counters.deliveredBroadcasts++;
      }
    }
  }

  async function handleBroadcastRequest(request: IncomingMessage, response: ServerResponse) {
    // Stricter than Supabase, which takes the anon key and then drops what its policies deny: a test
    // wants a wrong key to fail loudly.
    const keyMatches = request.headers.apikey === options.serviceRoleKey && request.headers.authorization === `Bearer ${options.serviceRoleKey}`;
    const body = await readRequestBody(request);
    if (!keyMatches) {
      response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Invalid API key' }));
      return;
    }
    const messages = parseBroadcastBody(body);
    if (!messages) {
      response.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'messages: invalid' }));
      return;
    }
    counters.broadcastRequests++;
    for (const message of messages) {
      broadcastMessages.push(message);
      deliver(message);
    }
    response.writeHead(202).end();
  }

  const httpServer = createServer((request, response) => {
    if (request.method === 'POST' && request.url?.split('?')[0] === BROADCAST_PATH) {
      handleBroadcastRequest(request, response).catch(() => response.destroy());
      return;
    }
    response.writeHead(404).end();
  });

  const webSocketServer = new WebSocketServer({ noServer: true });
  httpServer.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const apikey = url.searchParams.get('apikey');
    const problem =
      url.pathname !== WEBSOCKET_PATH
        ? '404 Not Found'
        : apikey !== options.anonKey && apikey !== options.serviceRoleKey
          ? '401 Unauthorized'
          : url.searchParams.get('vsn') !== SUPPORTED_VSN
            ? '400 Bad Request'
            : null;
    if (problem) {
      socket.end(`HTTP/1.1 ${problem}\r\nconnection: close\r\n\r\n`);
      return;
    }
    webSocketServer.handleUpgrade(request, socket, head, (webSocket) => {
      counters.connections++;
      const subscriptions = new Map<string, Subscription>();
      sockets.set(webSocket, subscriptions);
      webSocket.on('message', (data, isBinary) => {
        const message = isBinary ? null : parseMessage(data);
        if (message) handleMessage(webSocket, subscriptions, message);
      });
      webSocket.on('close', () => sockets.delete(webSocket));
    });
  });

  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    counters,
    broadcastMessages,
    joinAccessTokens,
    dropAllConnections() {
      for (const socket of sockets.keys()) socket.terminate();
      sockets.clear();
    },
    refuseJoins(refuse) {
      refusing = refuse;
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const socket of sockets.keys()) socket.terminate();
        sockets.clear();
        webSocketServer.close();
        httpServer.close((error) => (error ? reject(error) : resolve()));
        httpServer.closeAllConnections();
      });
      return closing;
    },
  };
}
