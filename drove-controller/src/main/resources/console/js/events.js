// Reading the cluster's event stream (GET /cluster/events/latest?lastSyncTime=…) and saying in one line what each
// event means.

import {get} from './api.js';
import {badge} from './badges.js';
import {h} from './dom.js';
import {appHref, executorHref, instanceHref, serviceHref, serviceInstanceHref, taskHref} from './columns.js';

/**
 * Polls for events newer than the last ones seen, oldest first, and hands each batch to onEvents. keep(event)
 * filters (default: all). Starts from the oldest event the leader still holds.
 */
export function followEvents(scope, intervalMs, onEvents, keep = () => true) {
    let lastSyncTime = 0;
    let first = true;
    const seen = new Set();
    return scope.every(intervalMs, async () => {
        const batch = await get(`/cluster/events/latest?lastSyncTime=${lastSyncTime}&size=1024`);
        if (!batch) {
            return;
        }
        const fresh = (batch.events || []).filter((e) => !seen.has(e.id));
        fresh.forEach((e) => seen.add(e.id));
        lastSyncTime = Math.max(lastSyncTime, batch.lastSyncTime || 0);
        const kept = fresh.filter(keep);
        if (kept.length || first) {
            first = false;
            onEvents(kept);
        }
    });
}

/**
 * What an event is about, as a link (or text), and what happened, as nodes. within names what the page already
 * shows ('owner': an application or local service page, 'self': the instance or task page itself), so the subject
 * leaves that part out.
 */
export function describe(event, within) {
    const m = event.metadata || {};
    const state = m.CURRENT_STATE ? badge(m.CURRENT_STATE) : null;
    const on = m.EXECUTOR_HOST ? ` on ${m.EXECUTOR_HOST}` : null;
    const subject = (href, owner, own) => (within === 'self' ? null
        : h('a', {href}, within === 'owner' ? own || 'this application' : own ? `${owner} / ${own}` : owner));
    switch (event.type) {
    case 'APP_STATE_CHANGE':
        return {subject: within === 'owner' ? h('span', {class: 'dim'}, 'application')
            : subject(appHref(m.APP_ID), m.APP_ID),
        text: [state, m.CURRENT_INSTANCES !== undefined ? ` ${instances(m.CURRENT_INSTANCES)}` : null]};
    case 'INSTANCE_STATE_CHANGE':
        return {subject: subject(instanceHref(m.APP_ID, m.INSTANCE_ID), m.APP_ID, m.INSTANCE_ID),
            text: [state, on, errorOf(m)]};
    case 'TASK_STATE_CHANGE':
        return {subject: subject(taskHref(m.APP_NAME, m.TASK_ID), m.APP_NAME, m.TASK_ID),
            text: [state, m.RESULT_STATUS ? ` ${m.RESULT_STATUS} (exit ${m.RESULT_EXIT_CODE})` : null, errorOf(m)]};
    case 'LOCAL_SERVICE_STATE_CHANGE':
        return {subject: within === 'owner' ? h('span', {class: 'dim'}, 'service')
            : subject(serviceHref(m.LOCAL_SERVICE_ID), m.LOCAL_SERVICE_ID), text: [state]};
    case 'LOCAL_SERVICE_INSTANCE_STATE_CHANGE':
        return {subject: subject(serviceInstanceHref(m.SERVICE_ID, m.INSTANCE_ID), m.SERVICE_ID, m.INSTANCE_ID),
            text: [state, on, errorOf(m)]};
    default:
        if (event.type.startsWith('EXECUTOR_')) {
            return {subject: m.EXECUTOR_ID ? h('a', {href: executorHref(m.EXECUTOR_ID)},
                `${m.HOSTNAME || m.EXECUTOR_ID}${m.PORT ? `:${m.PORT}` : ''}`) : 'executor',
            text: [words(event.type.replace('EXECUTOR_', ''))]};
        }
        return {subject: m.HOSTNAME || 'cluster', text: [words(event.type)]};
    }
}

function instances(n) {
    return `${n} instance${Number(n) === 1 ? '' : 's'}`;
}

function errorOf(m) {
    return m.ERROR ? h('span', {class: 'error-text'}, ` ${m.ERROR}`) : null;
}

/** MAINTENANCE_MODE_SET → "maintenance mode set". */
export function words(type) {
    return type.toLowerCase().replaceAll('_', ' ');
}

/** Which family an event is of, for its coloured marker and the type filter. */
export function family(type) {
    if (type.startsWith('APP_')) {
        return 'app';
    }
    if (type.startsWith('INSTANCE_')) {
        return 'instance';
    }
    if (type.startsWith('TASK_')) {
        return 'task';
    }
    if (type.startsWith('LOCAL_SERVICE')) {
        return 'service';
    }
    if (type.startsWith('EXECUTOR_')) {
        return 'executor';
    }
    return 'cluster';
}
