// Table columns shared by several pages, so an instance or an executor looks the same wherever it is listed.

import {badge, chip} from './badges.js';
import {h} from './dom.js';
import {megabytes, numericKeys} from './format.js';
import {when} from './widgets.js';

export const appHref = (appId) => `#/apps/${encodeURIComponent(appId)}`;
export const instanceHref = (appId, instanceId) => `${appHref(appId)}/instances/${encodeURIComponent(instanceId)}`;
export const taskHref = (app, taskId) => `#/tasks/${encodeURIComponent(app)}/${encodeURIComponent(taskId)}`;
export const executorHref = (id) => `#/executors/${encodeURIComponent(id)}`;
export const serviceHref = (id) => `#/localservices/${encodeURIComponent(id)}`;
export const serviceInstanceHref = (id, iid) => `${serviceHref(id)}/instances/${encodeURIComponent(iid)}`;

/** Cores an instance holds: {numa: [ids]} from its CPU allocation. */
export function coresOf(resources) {
    const cpu = (resources || []).find((r) => r.type === 'CPU');
    return cpu && cpu.cores ? cpu.cores : {};
}

/** MB an instance holds, over all NUMA nodes. */
export function memoryOf(resources) {
    const memory = (resources || []).find((r) => r.type === 'MEMORY');
    return memory && memory.memoryInMB ? Object.values(memory.memoryInMB).reduce((a, b) => a + b, 0) : 0;
}

export function coreCount(resources) {
    return Object.values(coresOf(resources)).reduce((n, ids) => n + ids.length, 0);
}

/** "node 0: 3, 4" for each NUMA node. */
export function coresText(resources) {
    const cores = coresOf(resources);
    return numericKeys(cores).map((node) => `n${node}: ${cores[node].join(', ')}`).join(' · ') || '–';
}

/** Ports of an instance: name → host port (container port). */
export function portsOf(localInfo) {
    const ports = localInfo && localInfo.ports ? localInfo.ports : {};
    return Object.entries(ports).map(([name, p]) => ({name, hostPort: p.hostPort, containerPort: p.containerPort,
        type: p.portType}));
}

export function portChips(localInfo) {
    const ports = portsOf(localInfo);
    return ports.length ? ports.map((p) => chip(`${p.name} ${p.hostPort}→${p.containerPort}`, 'port')) : '–';
}

/** Columns of an application or local-service instance; hrefOf(row) links the id. */
export function instanceColumns(hrefOf, options = {}) {
    return [
        {key: 'instanceId', label: 'Instance', render: (i) => h('a', {href: hrefOf(i)}, i.instanceId)},
        {key: 'state', label: 'State', render: (i) => badge(i.state)},
        options.withOwner ? {key: 'owner', label: options.withOwner, value: options.owner,
            render: (i) => h('a', {href: options.ownerHref(i)}, options.owner(i))} : null,
        {key: 'host', label: 'Executor', value: (i) => (i.localInfo && i.localInfo.hostname) || i.executorId,
            render: (i) => i.executorId ? h('a', {href: executorHref(i.executorId), title: i.executorId},
                (i.localInfo && i.localInfo.hostname) || i.executorId) : '–'},
        {key: 'ports', label: 'Ports', value: (i) => portsOf(i.localInfo).map((p) => p.hostPort).join(' '),
            render: (i) => portChips(i.localInfo)},
        {key: 'cores', label: 'Cores', value: (i) => coresText(i.resources)},
        {key: 'memory', label: 'Memory', num: true, value: (i) => memoryOf(i.resources),
            render: (i) => megabytes(memoryOf(i.resources))},
        {key: 'created', label: 'Created', value: (i) => i.created || 0, render: (i) => when(i.created)},
        {key: 'updated', label: 'Updated', value: (i) => i.updated || 0, render: (i) => when(i.updated)},
        options.withError ? {key: 'errorMessage', label: 'Error', render: (i) => i.errorMessage
            ? h('span', {class: 'error-text', title: i.errorMessage}, i.errorMessage) : ''} : null,
    ].filter(Boolean);
}

/** Columns of a task (TaskInfo). */
export function taskColumns() {
    return [
        {key: 'taskId', label: 'Task', render: (t) => h('a', {href: taskHref(t.sourceAppName, t.taskId)}, t.taskId)},
        {key: 'sourceAppName', label: 'Application'},
        {key: 'state', label: 'State', render: (t) => badge(t.state)},
        {key: 'hostname', label: 'Executor', value: (t) => t.hostname || t.executorId || '',
            render: (t) => t.executorId ? h('a', {href: executorHref(t.executorId)}, t.hostname || t.executorId) : '–'},
        {key: 'cpu', label: 'CPU', num: true, value: (t) => coreCount(t.resources)},
        {key: 'memory', label: 'Memory', num: true, value: (t) => memoryOf(t.resources),
            render: (t) => megabytes(memoryOf(t.resources))},
        {key: 'result', label: 'Result', value: (t) => t.taskResult ? `${t.taskResult.status} ${t.taskResult.exitCode}` : '',
            render: (t) => t.taskResult ? h('span', {}, badge(t.taskResult.status),
                ` exit ${t.taskResult.exitCode}`) : '–'},
        {key: 'created', label: 'Created', value: (t) => t.created || 0, render: (t) => when(t.created)},
    ];
}
