// The console's only way to the controller: the documented JSON API under /apis/v1 (plus /apis/v1/ui/session).
// Every answer is an envelope {status, data, message}; log file reads are the one kind that is not.

export const API = '/apis/v1';

/** A refused or failed call: the HTTP status (0 when the controller did not answer) and the API's own sentence. */
export class ApiError extends Error {
    constructor(status, message, body) {
        super(message);
        this.status = status;
        this.body = body;
    }

    get notFound() {
        return this.status === 404;
    }
}

function messageOf(status, json) {
    if (status === 401) {
        return 'You are not logged in, or your login is no longer valid: reload the page to log in again.';
    }
    if (status === 403) {
        return 'Your role may not do this.';
    }
    if (!json) {
        return `The controller answered ${status}.`;
    }
    const errors = json.data && Array.isArray(json.data.validationErrors) ? json.data.validationErrors : [];
    const message = json.message || `The controller answered ${status}.`;
    return errors.length ? `${message}: ${errors.join('; ')}` : message;
}

async function call(method, path, body) {
    let response;
    try {
        // From the origin, never relative to the page: a page opened as http://user:pass@host/ would lend its
        // credentials to the URL, and fetch refuses URLs with credentials.
        response = await fetch(new URL(API + path, window.location.origin), {
            method,
            credentials: 'same-origin',
            cache: 'no-store',
            headers: body === undefined ? {Accept: 'application/json'}
                : {Accept: 'application/json', 'Content-Type': 'application/json'},
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    } catch (failure) {
        throw new ApiError(0, 'The controller does not answer. Retrying…');
    }
    let json = null;
    try {
        json = await response.json();
    } catch (notJson) {
        json = null;
    }
    if (!response.ok || (json && json.status === 'FAILED')) {
        throw new ApiError(response.status, messageOf(response.status, json), json);
    }
    return json;
}

/** GET: the envelope's data. */
export async function get(path) {
    const json = await call('GET', path);
    return json ? json.data : null;
}

/** GET of an answer without an envelope (log files). */
export function getRaw(path) {
    return call('GET', path);
}

/** POST with a JSON body (or none): the envelope's data. */
export async function post(path, body) {
    const json = await call('POST', path, body);
    return json ? json.data : null;
}

/** A path segment, encoded. */
export const seg = (value) => encodeURIComponent(value);
