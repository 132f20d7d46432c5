// #/apps/{id} — one application: state, instances (current and old), recent events, spec; and for read-write users
// scale, restart, suspend, destroy and cancel, each confirmed and followed until the application is stable.

import {get, post, seg} from '../api.js';
import {badge, chip} from '../badges.js';
import {confirmDialog} from '../dialog.js';
import {h, replace} from '../dom.js';
import {count, megabytes} from '../format.js';
import {describe, followEvents} from '../events.js';
import {instanceColumns, instanceHref} from '../columns.js';
import {trackOperation} from '../progress.js';
import {DataTable} from '../table.js';
import {button, card, json, notice, stat, when} from '../widgets.js';
import {eventList} from '../eventlist.js';

const OP_TIMEOUT = '300 seconds';
const STABLE = new Set(['RUNNING', 'MONITORING']);

export function appPage(ctx, appId) {
    ctx.title(appId);
    const state = h('span', {class: 'head-state'});
    const subtitle = h('div', {class: 'page-sub'});
    const times = h('span', {class: 'page-times'});
    const progress = h('div', {class: 'progress-slot'});
    const stats = h('div', {class: 'summary summary-small', dataset: {section: 'app-stats'}});
    const instances = new DataTable({id: 'instances', key: (i) => i.instanceId, sort: {key: 'created'},
        columns: instanceColumns((i) => instanceHref(appId, i.instanceId)),
        empty: 'No instance is running. Scale up to start some.'});
    const old = new DataTable({id: 'old-instances', key: (i) => i.instanceId, sort: {key: 'updated', desc: true},
        columns: instanceColumns((i) => instanceHref(appId, i.instanceId), {withError: true}),
        empty: 'No old instances.', pageSize: 10});
    const events = eventList('No events for this application in the last hour.');
    const spec = h('div', {class: 'spec-slot'}, h('p', {class: 'muted'}, 'Loading…'));
    let app = null;

    const refreshNow = () => poll.now();
    const actions = ctx.session.canWrite ? appActions(ctx, appId, () => app, progress, refreshNow) : null;

    replace(ctx.root,
        h('div', {class: 'page-head'},
            h('div', {},
                h('div', {class: 'crumbs'}, h('a', {href: '#/'}, 'Cluster'), ' / Applications'),
                h('h1', {}, appId, state),
                subtitle, h('div', {class: 'page-sub'}, times)),
            h('span', {class: 'spacer'}),
            actions ? actions.element : null),
        progress,
        stats,
        card('Instances', instances.element, {dataset: {section: 'instances'}}),
        h('div', {class: 'two-col'},
            card('Recent events', events.element, {dataset: {section: 'events'}, note: 'live'}),
            card('Spec', spec, {dataset: {section: 'spec'}})),
        card('Old instances', old.element, {dataset: {section: 'old-instances'}}));

    const missing = (error) => {
        if (error.notFound) {
            replace(ctx.root, h('div', {class: 'empty-page'}, h('h1', {}, appId),
                notice(`There is no application ${appId}: it may have been destroyed.`, 'warn'),
                h('p', {}, h('a', {href: '#/'}, 'Back to the cluster'))));
            ctx.scope.dispose();
            return true;
        }
        return false;
    };

    const poll = ctx.scope.every(2000, async () => {
        const [summary, list] = await Promise.all([get(`/applications/${seg(appId)}`),
            get(`/applications/${seg(appId)}/instances`)]);
        app = summary;
        replace(state, badge(app.state));
        replace(stats,
            stat('Expected', count(app.requiredInstances), 'instances', 'expected'),
            stat('Healthy', count(app.healthyInstances), app.healthyInstances < app.requiredInstances
                ? 'fewer than expected' : 'instances', 'healthy'),
            stat('CPU', count(app.totalCPUs), 'cores in use', 'cpu'),
            stat('Memory', megabytes(app.totalMemory), 'in use', 'memory'),
            stat('Instances', tallyOf(list || []), null, 'tally'));
        replace(times, 'created ', when(app.created), ' · updated ', when(app.updated));
        instances.update(list || []);
        if (actions) {
            actions.update(app, list || []);
        }
    }, missing);

    ctx.scope.every(10000, async () => {
        old.update(await get(`/applications/${seg(appId)}/instances/old?start=0&size=1024`) || []);
    }, missing);

    get(`/applications/${seg(appId)}/spec`).then((s) => {
        replace(subtitle, h('span', {}, `${s.name} · version ${s.version}`),
            Object.entries(s.tags || {}).map(([k, v]) => chip(`${k}: ${v}`)));
        replace(spec, json(s));
    }).catch((error) => replace(spec, notice(error.message, 'bad')));

    followEvents(ctx.scope, 2000, (batch) => events.add(batch.map((e) => ({event: e, ...describe(e, 'owner')}))),
        (e) => (e.metadata || {}).APP_ID === appId);
}

/** The write buttons; enabled or not by the application's state at the last poll. */
function appActions(ctx, appId, currentApp, progressSlot, refresh) {
    const opSpec = (parallelism = 1) => ({timeout: OP_TIMEOUT, parallelism, failureStrategy: 'STOP'});
    const submit = async (body, op) => {
        try {
            await post('/applications/operations', body);
        } catch (error) {
            replace(progressSlot, notice(`${op.title} was refused: ${error.message}`, 'bad'));
            return;
        }
        trackOperation(ctx.scope, progressSlot, {appId, ...op});
        refresh();
    };
    const scale = button('Scale…', async () => {
        const app = currentApp();
        const values = await confirmDialog({
            title: `Scale ${appId}`,
            message: `It runs ${app.healthyInstances} healthy of ${app.requiredInstances} expected instances.`,
            fields: [{name: 'instances', label: 'Instances', type: 'number', value: app.requiredInstances, min: 0,
                max: 2048},
            {name: 'parallelism', label: 'Start or stop at a time', type: 'number', value: 1, min: 1, max: 512}],
            confirmLabel: 'Scale',
        });
        if (values) {
            const n = values.instances;
            await submit({type: 'SCALE', appId, requiredInstances: n, opSpec: opSpec(values.parallelism)}, {
                title: `Scaling to ${n} instance${n === 1 ? '' : 's'}`, target: n,
                done: (a, list) => stable(a, list, n),
            });
        }
    }, 'primary', {dataset: {action: 'scale'}});
    const restart = button('Restart', async () => {
        const before = new Set();
        const app = currentApp();
        const ok = await confirmDialog({
            title: `Restart ${appId}?`,
            message: `All ${app.healthyInstances} healthy instances are replaced by new ones, one at a time: each new `
                + 'instance must be healthy before an old one is stopped.',
            confirmLabel: 'Restart',
        });
        if (ok) {
            (await get(`/applications/${seg(appId)}/instances`) || []).forEach((i) => before.add(i.instanceId));
            const n = app.requiredInstances;
            await submit({type: 'REPLACE_INSTANCES', appId, instanceIds: [], stopFirst: false, opSpec: opSpec()}, {
                title: 'Restarting all instances', target: n,
                done: (a, list) => stable(a, list, n) && list.every((i) => !before.has(i.instanceId)),
            });
        }
    }, 'plain', {dataset: {action: 'restart'}});
    const suspend = button('Suspend', async () => {
        const ok = await confirmDialog({
            title: `Suspend ${appId}?`,
            message: 'Every instance is stopped; the application stays, with its spec, and can be scaled up again.',
            confirmLabel: 'Suspend', danger: true,
        });
        if (ok) {
            await submit({type: 'SUSPEND', appId, opSpec: opSpec()}, {title: 'Suspending', target: 0,
                done: (a, list) => stable(a, list, 0)});
        }
    }, 'plain', {dataset: {action: 'suspend'}});
    const destroy = button('Destroy', async () => {
        const values = await confirmDialog({
            title: `Destroy ${appId}?`,
            message: 'The application and its spec are removed for good. Type its id to confirm.',
            fields: [{name: 'confirmId', label: 'Application id', type: 'text', value: '',
                pattern: escapeRegExp(appId)}],
            confirmLabel: 'Destroy', danger: true,
        });
        if (values) {
            await submit({type: 'DESTROY', appId, opSpec: opSpec()}, {title: 'Destroying', target: null, gone: true});
        }
    }, 'danger', {dataset: {action: 'destroy'}});
    const cancel = button('Cancel operation', async () => {
        const ok = await confirmDialog({
            title: 'Cancel the running operation?',
            message: 'The operation stops where it is; instances already started or stopped stay so.',
            confirmLabel: 'Cancel operation', danger: true,
        });
        if (ok) {
            try {
                await post(`/applications/operations/${seg(appId)}/cancel`);
            } catch (error) {
                replace(progressSlot, notice(`Cancelling was refused: ${error.message}`, 'bad'));
            }
            refresh();
        }
    }, 'plain', {dataset: {action: 'cancel'}, hidden: true});
    const element = h('div', {class: 'actions', dataset: {section: 'actions'}}, cancel, scale, restart, suspend, destroy);
    return {
        element,
        update(app, list) {
            const busy = app.state.endsWith('_REQUESTED');
            cancel.hidden = !busy;
            restart.disabled = app.state !== 'RUNNING' || list.length === 0;
            restart.title = restart.disabled ? 'Only a RUNNING application with instances can be restarted' : '';
            suspend.disabled = app.state === 'MONITORING' || busy;
            destroy.disabled = app.state !== 'MONITORING';
            destroy.title = destroy.disabled ? 'Suspend the application first: only a MONITORING one can be destroyed'
                : '';
        },
    };
}

/** Instances by state: "2 HEALTHY · 1 STARTING", or "none". */
function tallyOf(instances) {
    const counts = {};
    instances.forEach((i) => {
        counts[i.state] = (counts[i.state] || 0) + 1;
    });
    const entries = Object.entries(counts).sort();
    return entries.length === 0 ? h('span', {class: 'dim'}, 'none')
        : h('span', {class: 'tallies'}, entries.map(([state, n]) => h('span', {class: 'tally'}, badge(state), ` ${n}`)));
}

/** The application asks for n instances, has exactly n, all HEALTHY, and no operation is running. */
function stable(app, instances, n) {
    return STABLE.has(app.state) && app.requiredInstances === n && instances.length === n
        && instances.every((i) => i.state === 'HEALTHY');
}

function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
