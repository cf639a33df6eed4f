/**
 * Discord's JSON error bodies. Field errors nest by path with `_errors` leaves, array indexes as keys:
 * `{ code: 50035, message: 'Invalid Form Body', errors: { data: { embeds: { '0': { title: { _errors: [...] } } } } } }`.
 */

export interface FieldError {
  /** Path inside the JSON body, e.g. ['data', 'embeds', 0, 'title']. */
  path: (string | number)[];
  /** Discord's error code string, e.g. BASE_TYPE_MAX_LENGTH. */
  code: string;
  message: string;
}

export interface DiscordErrorBody {
  code: number;
  message: string;
  errors?: Record<string, unknown>;
  [key: string]: unknown;
}

export function invalidFormBody(errors: FieldError[]): DiscordErrorBody {
  const tree: Record<string, unknown> = {};
  for (const error of errors) {
    let node = tree;
    for (const key of error.path) {
      const name = String(key);
      node[name] ??= {};
      node = node[name] as Record<string, unknown>;
    }
    const leaf = (node._errors ??= []) as { code: string; message: string }[];
    leaf.push({ code: error.code, message: error.message });
  }
  return { code: 50035, message: 'Invalid Form Body', errors: tree };
}

export const DiscordErrors = {
  unauthorized: { status: 401, body: { message: '401: Unauthorized', code: 0 } },
  notFound: { status: 404, body: { message: '404: Not Found', code: 0 } },
  unknownInteraction: { status: 404, body: { message: 'Unknown interaction', code: 10062 } },
  alreadyAcknowledged: { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } },
  unknownWebhook: { status: 404, body: { message: 'Unknown Webhook', code: 10015 } },
  invalidWebhookToken: { status: 401, body: { message: 'Invalid Webhook Token', code: 50027 } },
  unknownMessage: { status: 404, body: { message: 'Unknown Message', code: 10008 } },
  unknownCommand: { status: 404, body: { message: 'Unknown application command', code: 10063 } },
  unknownApplication: { status: 404, body: { message: 'Unknown Application', code: 10002 } },
  unknownGuild: { status: 404, body: { message: 'Unknown Guild', code: 10004 } },
  emptyMessage: { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } },
  tooLarge: { status: 413, body: { message: 'Request entity too large', code: 40005 } },
  badJson: { status: 400, body: { message: '400: Bad Request', code: 50109 } },
  methodNotAllowed: { status: 405, body: { message: '405: Method Not Allowed', code: 0 } },
} as const satisfies Record<string, { status: number; body: DiscordErrorBody }>;

export type DiscordErrorName = keyof typeof DiscordErrors;

export function maxLength(path: FieldError['path'], max: number): FieldError {
  return { path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` };
}

export function lengthBetween(path: FieldError['path'], min: number, max: number): FieldError {
  return { path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` };
}

export function required(path: FieldError['path']): FieldError {
  return { path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' };
}

export function invalid(path: FieldError['path'], code: string, message: string): FieldError {
  return { path, code, message };
}
