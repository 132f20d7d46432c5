// The bar at the top of every page: cluster mode and leader (refreshed every few seconds) and who is logged in.

import {get} from './api.js';
import {badge, chip} from './badges.js';
import {h, replace} from './dom.js';

/** Fills the header's status and user areas; polls the cluster summary every 3 s for as long as the page lives. */
export function startHeader(session) {
    const whoami = document.getElementById('whoami');
    replace(whoami,
        h('span', {class: 'user', dataset: {user: session.user}}, session.authEnabled ? session.user : 'auth off'),
        chip(session.roleName, session.canWrite ? 'write' : 'read'));
    whoami.title = session.authEnabled
        ? `Logged in as ${session.user} (${session.roleName})` : 'User auth is off: everyone is root';

    const status = document.getElementById('topstatus');
    const refresh = async () => {
        try {
            const cluster = await get('/cluster');
            replace(status, badge(cluster.state), h('span', {class: 'leader', title: 'Leader controller'},
                'leader ', h('strong', {}, cluster.leader || 'none')));
        } catch (error) {
            replace(status, badge('UNKNOWN'), h('span', {class: 'leader'}, 'no answer from the cluster'));
        }
        setTimeout(refresh, 3000);
    };
    refresh();
}
