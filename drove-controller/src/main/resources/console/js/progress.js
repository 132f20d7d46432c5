// After a write from an application page: a panel that follows the operation until the application is stable
// (or gone, for a destroy), polling the application and its instances every second.

import {get, seg} from './api.js';
import {badge, chip} from './badges.js';
import {h, replace} from './dom.js';
import {percent} from './format.js';
import {button} from './widgets.js';

/**
 * op: {title, appId, target (healthy instances wanted, or null), done(app, instances) -> bool, gone (true when the
 * app should disappear)}. Replaces whatever slot showed before.
 */
export function trackOperation(scope, slot, op) {
    const started = Date.now();
    const panel = h('div', {class: 'progress-panel', dataset: {progress: 'running'}, role: 'status'});
    replace(slot, panel);
    let finished = false;
    const poll = scope.every(1000, async () => {
        if (finished) {
            return;
        }
        let app = null;
        let instances = [];
        try {
            [app, instances] = await Promise.all([get(`/applications/${seg(op.appId)}`),
                get(`/applications/${seg(op.appId)}/instances`)]);
        } catch (error) {
            if (error.notFound && op.gone) {
                finish(panel, op, started, null, []);
                finished = true;
                poll.stop();
                return;
            }
            throw error;
        }
        if (!op.gone && op.done(app, instances || [])) {
            finished = true;
            finish(panel, op, started, app, instances || []);
            poll.stop();
            return;
        }
        draw(panel, op, started, app, instances || []);
    });
}

function tally(instances) {
    const counts = {};
    instances.forEach((i) => {
        counts[i.state] = (counts[i.state] || 0) + 1;
    });
    return Object.entries(counts).sort().map(([state, n]) => h('span', {class: 'tally'}, badge(state), ` × ${n}`));
}

function elapsed(started) {
    return `${Math.round((Date.now() - started) / 1000)} s`;
}

function draw(panel, op, started, app, instances) {
    const healthy = instances.filter((i) => i.state === 'HEALTHY').length;
    const target = op.target;
    replace(panel,
        h('div', {class: 'progress-head'}, h('span', {class: 'spinner', 'aria-hidden': 'true'}),
            h('strong', {}, op.title), h('span', {class: 'spacer'}), h('span', {class: 'dim'}, elapsed(started))),
        h('div', {class: 'progress-line'}, 'Application ', badge(app.state),
            target === null ? null : ` · ${healthy} of ${target} healthy`, ' · ', tally(instances)),
        target === null || target === 0 ? null : h('div', {class: 'bar'},
            h('div', {class: 'bar-used bar-good', style: {width: `${percent(healthy, target)}%`}})));
}

function finish(panel, op, started, app, instances) {
    panel.dataset.progress = 'done';
    panel.classList.add('progress-done');
    replace(panel,
        h('div', {class: 'progress-head'}, h('span', {class: 'check', 'aria-hidden': 'true'}, '✓'),
            h('strong', {}, `${op.title}: done in ${elapsed(started)}`), h('span', {class: 'spacer'}),
            button('Dismiss', () => panel.remove(), 'small')),
        app ? h('div', {class: 'progress-line'}, 'Application ', badge(app.state), ' · ',
            instances.length ? tally(instances) : chip('no instances'))
            : h('div', {class: 'progress-line'}, 'The application is gone. ', h('a', {href: '#/'}, 'Back to the cluster')));
}
