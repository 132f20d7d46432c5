// Who is using the console, from GET /apis/v1/ui/session. It only decides which buttons are drawn; the API checks
// every write again.

import {get} from './api.js';

const ROLE_NAMES = {
    EXTERNAL_ROOT: 'root',
    EXTERNAL_READ_WRITE: 'read-write',
    DROVE_EXTERNAL_MAINTENANCE: 'maintenance',
    EXTERNAL_READ_ONLY: 'read-only',
};

/** The session, or a read-only one when the controller cannot say (the console then shows data only). */
export async function loadSession() {
    try {
        const session = await get('/ui/session');
        return {...session, roleName: ROLE_NAMES[session.role] || 'no role'};
    } catch (error) {
        return {user: 'unknown', role: null, roleName: 'unknown', canWrite: false, canMaintain: false,
            canReadLogs: false, authEnabled: true, error};
    }
}
