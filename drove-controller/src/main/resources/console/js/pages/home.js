// #/ — the cluster at a glance: summary and resources, then applications, tasks and local services, and executors.

import {get, post} from '../api.js';
import {badge, chip} from '../badges.js';
import {confirmDialog} from '../dialog.js';
import {h, replace} from '../dom.js';
import {count, megabytes} from '../format.js';
import {allOf} from '../listing.js';
import {appHref, executorHref, serviceHref, taskColumns} from '../columns.js';
import {DataTable} from '../table.js';
import {button, card, meter, stat, tabs, when} from '../widgets.js';

let selectedTab = 'apps';

export function homePage(ctx) {
    ctx.title('Cluster');
    const summary = h('div', {class: 'summary', dataset: {section: 'summary'}});
    const apps = new DataTable({id: 'applications', key: (a) => a.id, sort: {key: 'id'}, columns: appColumns(),
        empty: 'No applications yet. Create one with drove-cli or POST /apis/v1/applications/operations.'});
    const tasks = new DataTable({id: 'tasks', key: (t) => `${t.sourceAppName}/${t.taskId}`, columns: taskColumns(),
        sort: {key: 'created', desc: true}, empty: 'No task is running.'});
    const services = new DataTable({id: 'localservices', key: (s) => s.id, sort: {key: 'id'},
        columns: serviceColumns(), empty: 'No local services.'});
    const executors = new DataTable({id: 'executors', key: (e) => e.executorId, sort: {key: 'host'},
        columns: executorColumns(() => maintenance), empty: 'No executor has joined the cluster.'});
    let maintenance = false;

    const jobs = tabs([
        {id: 'apps', label: 'Applications', content: apps.element, count: '…'},
        {id: 'tasks', label: 'Tasks', content: tasks.element, count: '…'},
        {id: 'services', label: 'Local services', content: services.element, count: '…'},
    ], selectedTab, (id) => {
        selectedTab = id;
    });

    replace(ctx.root,
        summary,
        h('div', {class: 'home-grid'},
            card(null, jobs.element, {class: 'jobs-card'}),
            card('Executors', executors.element, {dataset: {section: 'executors'}})));

    const poll = ctx.scope.every(2000, async () => {
        const [cluster, appList, taskList, serviceList, executorList] = await Promise.all([
            get('/cluster'), allOf('/applications'), get('/tasks'), allOf('/localservices'),
            get('/cluster/executors')]);
        if (!ctx.scope.alive) {
            return;
        }
        maintenance = cluster.state === 'MAINTENANCE';
        renderSummary(summary, cluster, ctx.session, () => poll.now());
        apps.update(appList);
        tasks.update(taskList || []);
        services.update(serviceList);
        executors.update(executorList || []);
        jobs.setCount('apps', appList.length);
        jobs.setCount('tasks', (taskList || []).length);
        jobs.setCount('services', serviceList.length);
    });
}

function renderSummary(el, c, session, refresh) {
    replace(el,
        h('div', {class: 'stat stat-cluster', dataset: {stat: 'state'}},
            h('div', {class: 'stat-label'}, 'Cluster',
                session.canMaintain ? maintenanceButton(c.state, refresh) : null),
            h('div', {class: 'stat-value'}, badge(c.state)),
            h('div', {class: 'stat-sub'}, c.leader ? ['leader ', h('strong', {}, c.leader)] : 'no leader')),
        stat('Executors', count(c.numExecutors), null, 'executors'),
        stat('Applications', count(c.numApplications), `${count(c.numActiveApplications)} active`, 'applications'),
        stat('Tasks', count(c.numActiveTasks), 'active', 'tasks'),
        stat('Local services', count(c.numLocalServices), `${count(c.numActiveLocalServices)} active`, 'services'),
        meter('Cores', c.usedCores, c.totalCores, (n) => `${count(n)}`, 'cores'),
        meter('Memory', c.usedMemory, c.totalMemory, megabytes, 'memory'));
}

function maintenanceButton(state, refresh) {
    const entering = state !== 'MAINTENANCE';
    return button(entering ? 'Maintenance…' : 'Leave maintenance…', async () => {
        const ok = await confirmDialog({
            title: entering ? 'Enter maintenance mode?' : 'Leave maintenance mode?',
            message: entering
                ? 'The controllers stop acting on the cluster: no operations are accepted and nothing is restarted '
                + 'or moved until maintenance mode is left. Running containers keep running.'
                : 'The controllers act on the cluster again and accept operations.',
            confirmLabel: entering ? 'Enter maintenance' : 'Leave maintenance',
            danger: entering,
        });
        if (ok) {
            await post(`/cluster/maintenance/${entering ? 'set' : 'unset'}`);
            refresh();
        }
    }, 'link', {dataset: {action: 'maintenance'}, title: entering ? 'Put the cluster in maintenance mode'
        : 'Take the cluster out of maintenance mode'});
}

function appColumns() {
    return [
        {key: 'id', label: 'ID', render: (a) => h('a', {href: appHref(a.id)}, a.id)},
        {key: 'name', label: 'Name'},
        {key: 'requiredInstances', label: 'Expected', num: true, title: 'Expected instances'},
        {key: 'healthyInstances', label: 'Healthy', num: true, title: 'Healthy instances',
            render: (a) => h('span', {class: a.healthyInstances < a.requiredInstances ? 'short' : null},
                count(a.healthyInstances))},
        {key: 'totalCPUs', label: 'CPU', num: true, title: 'Cores held by its instances'},
        {key: 'totalMemory', label: 'Memory', num: true, render: (a) => megabytes(a.totalMemory)},
        {key: 'state', label: 'State', render: (a) => badge(a.state)},
        {key: 'updated', label: 'Updated', value: (a) => a.updated || 0, render: (a) => when(a.updated)},
    ];
}

function serviceColumns() {
    return [
        {key: 'id', label: 'ID', render: (s) => h('a', {href: serviceHref(s.id)}, s.id)},
        {key: 'name', label: 'Name'},
        {key: 'instancesPerHost', label: 'Per host', num: true, title: 'Instances per executor'},
        {key: 'healthyInstances', label: 'Healthy', num: true},
        {key: 'totalCPUs', label: 'CPU', num: true},
        {key: 'totalMemory', label: 'Memory', num: true, render: (s) => megabytes(s.totalMemory)},
        {key: 'activationState', label: 'Activation', render: (s) => badge(s.activationState)},
        {key: 'state', label: 'State', render: (s) => badge(s.state)},
    ];
}

function executorColumns(inMaintenance) {
    return [
        {key: 'host', label: 'Host', value: (e) => `${e.hostname}:${e.port}`,
            render: (e) => h('a', {href: executorHref(e.executorId)}, `${e.hostname}:${e.port}`)},
        {key: 'executorId', label: 'ID', render: (e) => h('span', {class: 'mono dim', title: e.executorId},
            e.executorId.slice(0, 8))},
        {key: 'freeCores', label: 'Free cores', num: true},
        {key: 'usedCores', label: 'Used cores', num: true},
        {key: 'freeMemory', label: 'Free memory', num: true, render: (e) => megabytes(e.freeMemory)},
        {key: 'usedMemory', label: 'Used memory', num: true, render: (e) => megabytes(e.usedMemory)},
        {key: 'tags', label: 'Tags', value: (e) => (e.tags || []).join(' '), sortable: false,
            render: (e) => (e.tags || []).length ? (e.tags || []).map((t) => chip(t)) : '–'},
        {key: 'state', label: 'State', render: (e) => h('span', {class: 'marks'}, badge(e.state),
            inMaintenance() ? chip('maintenance', 'warn') : null)},
    ];
}
