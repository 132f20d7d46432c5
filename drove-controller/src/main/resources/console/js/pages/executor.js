// #/executors/{id} — one executor: state and tags, NUMA layout (free, used, reserved cores per node), what runs on
// it, and blacklist / unblacklist for maintenance users.

import {get, post, seg} from '../api.js';
import {badge, chip} from '../badges.js';
import {confirmDialog} from '../dialog.js';
import {h, replace} from '../dom.js';
import {count, dateTime, megabytes} from '../format.js';
import {coresOf, coresText, instanceHref, memoryOf, serviceInstanceHref, taskHref} from '../columns.js';
import {numaLayout} from '../numa.js';
import {DataTable} from '../table.js';
import {button, card, kv, meter, notice, when} from '../widgets.js';

export function executorPage(ctx, executorId) {
    ctx.title('Executor');
    const state = h('span', {class: 'head-state'});
    const title = h('span', {}, executorId);
    const message = h('div', {class: 'progress-slot'});
    const resources = h('div', {class: 'summary summary-small'});
    const details = h('div');
    const numa = h('div', {}, h('p', {class: 'muted'}, 'Loading…'));
    const workloads = new DataTable({id: 'executor-instances', key: (w) => w.id, sort: {key: 'owner'},
        columns: workloadColumns(), empty: 'Nothing runs on this executor.'});
    let blacklisted = false;
    const refresh = () => poll.now();
    const toggle = ctx.session.canMaintain ? button('Blacklist', async () => {
        const entering = !blacklisted;
        const ok = await confirmDialog({
            title: entering ? 'Blacklist this executor?' : 'Unblacklist this executor?',
            message: entering
                ? 'No new instance is placed here, and the application instances running here are moved to other '
                + 'executors. Tasks run to their end.'
                : 'The executor takes new instances again.',
            confirmLabel: entering ? 'Blacklist' : 'Unblacklist', danger: entering,
        });
        if (ok) {
            try {
                await post(`/cluster/executors/${seg(executorId)}/${entering ? 'blacklist' : 'unblacklist'}`);
                replace(message, notice(entering ? 'Blacklisting requested.' : 'Unblacklisting requested.', 'info'));
            } catch (error) {
                replace(message, notice(error.message, 'bad'));
            }
            refresh();
        }
    }, 'plain', {dataset: {action: 'blacklist'}}) : null;

    replace(ctx.root,
        h('div', {class: 'page-head'},
            h('div', {},
                h('div', {class: 'crumbs'}, h('a', {href: '#/'}, 'Cluster'), ' / Executors'),
                h('h1', {}, title, state),
                h('div', {class: 'page-sub mono'}, executorId)),
            h('span', {class: 'spacer'}),
            toggle ? h('div', {class: 'actions'}, toggle) : null),
        message,
        resources,
        h('div', {class: 'two-col'},
            card('NUMA layout', numa, {dataset: {section: 'numa'}}),
            card('Executor', details, {dataset: {section: 'executor'}})),
        card('Running here', workloads.element, {dataset: {section: 'workloads'}}));

    const poll = ctx.scope.every(2000, async () => {
        const node = await get(`/cluster/executors/${seg(executorId)}`);
        const snapshot = node.state || {};
        blacklisted = node.executorState === 'BLACKLISTED' || node.executorState === 'BLACKLIST_REQUESTED'
            || node.blacklisted === true;
        if (toggle) {
            toggle.textContent = blacklisted ? 'Unblacklist' : 'Blacklist';
            toggle.className = `btn ${blacklisted ? 'btn-primary' : 'btn-danger'}`;
        }
        ctx.title(node.hostname);
        title.textContent = `${node.hostname}:${node.port}`;
        replace(state, badge(node.executorState));
        const cpus = snapshot.cpus || {};
        const mem = snapshot.memory || {};
        const freeCores = sumSizes(cpus.freeCores);
        const usedCores = sumSizes(cpus.usedCores);
        const freeMB = sumValues(mem.freeMemory);
        const usedMB = sumValues(mem.usedMemory);
        replace(resources,
            meter('Cores', usedCores, usedCores + freeCores, count, 'cores'),
            meter('Memory', usedMB, usedMB + freeMB, megabytes, 'memory'));
        const rows = workloadsOf(node);
        const owners = new Map();
        rows.forEach((w) => Object.values(coresOf(w.resources)).flat().forEach((core) => owners.set(core, w.label)));
        replace(numa, numaLayout(snapshot, owners));
        replace(details, kv([
            ['State', badge(node.executorState)],
            ['Address', `${(node.transportType || 'HTTP').toLowerCase()}://${node.hostname}:${node.port}`],
            ['Tags', (node.tags || []).length ? node.tags.map((t) => chip(t)) : 'none'],
            ['Reported', h('span', {}, dateTime(node.updated), ' (', when(node.updated), ')')],
            ['Instances', count((node.instances || []).length)],
            ['Tasks', count((node.tasks || []).length)],
            ['Local service instances', count((node.serviceInstances || []).length)],
            ...Object.entries(node.metadata || {}).map(([k, v]) => [k, String(v)]),
        ]));
        workloads.update(rows);
    }, (error) => {
        if (error.notFound) {
            replace(numa, notice(`No executor ${executorId} is known to the cluster: it may have left.`, 'warn'));
            return true;
        }
        return false;
    });
}

const sumSizes = (map) => Object.values(map || {}).reduce((n, ids) => n + ids.length, 0);
const sumValues = (map) => Object.values(map || {}).reduce((n, v) => n + v, 0);

/** Instances, tasks and local-service instances of an executor as rows of one table. */
function workloadsOf(node) {
    return [
        ...(node.instances || []).map((i) => ({kind: 'Application', id: i.instanceId, owner: i.appId, state: i.state,
            href: instanceHref(i.appId, i.instanceId), resources: i.resources, label: `${i.appId} / ${i.instanceId}`})),
        ...(node.tasks || []).map((t) => ({kind: 'Task', id: t.instanceId || t.taskId, owner: t.sourceAppName,
            state: t.state, href: taskHref(t.sourceAppName, t.taskId), resources: t.resources, shown: t.taskId,
            label: `task ${t.sourceAppName} / ${t.taskId}`})),
        ...(node.serviceInstances || []).map((s) => ({kind: 'Local service', id: s.instanceId, owner: s.serviceId,
            state: s.state, href: serviceInstanceHref(s.serviceId, s.instanceId), resources: s.resources,
            label: `${s.serviceId} / ${s.instanceId}`})),
    ];
}

function workloadColumns() {
    return [
        {key: 'kind', label: 'Kind'},
        {key: 'owner', label: 'Owner'},
        {key: 'id', label: 'Instance', value: (w) => w.shown || w.id, render: (w) => h('a', {href: w.href},
            w.shown || w.id)},
        {key: 'state', label: 'State', render: (w) => badge(w.state)},
        {key: 'cores', label: 'Cores', value: (w) => coresText(w.resources)},
        {key: 'memory', label: 'Memory', num: true, value: (w) => memoryOf(w.resources),
            render: (w) => megabytes(memoryOf(w.resources))},
    ];
}
