// #/apps/{id}/instances/{iid} and #/localservices/{id}/instances/{iid} — one instance: where it runs, its ports
// and resources, its recent events and a live tail of its log.

import {seg, get} from '../api.js';
import {badge} from '../badges.js';
import {h, replace} from '../dom.js';
import {dateTime, megabytes} from '../format.js';
import {describe, followEvents} from '../events.js';
import {appHref, coresText, executorHref, memoryOf, portsOf, serviceHref} from '../columns.js';
import {eventList} from '../eventlist.js';
import {logPanel} from '../logtail.js';
import {card, json, kv, notice, when} from '../widgets.js';

/** The two kinds of instance the console shows: what differs is where they are read and what owns them. */
const KINDS = {
    app: {
        owner: 'Application', ownerHref: appHref,
        info: (owner, iid) => `/applications/${seg(owner)}/instances/${seg(iid)}`,
        logs: (owner, iid) => `/logfiles/applications/${seg(owner)}/${seg(iid)}`,
        eventOwner: (m) => m.APP_ID,
    },
    service: {
        owner: 'Local service', ownerHref: serviceHref,
        info: (owner, iid) => `/localservices/${seg(owner)}/instances/${seg(iid)}`,
        logs: (owner, iid) => `/logfiles/localservices/${seg(owner)}/${seg(iid)}`,
        eventOwner: (m) => m.SERVICE_ID,
    },
};

export const appInstancePage = (ctx, appId, instanceId) => instancePage(ctx, KINDS.app, appId, instanceId);
export const serviceInstancePage = (ctx, serviceId, instanceId) =>
    instancePage(ctx, KINDS.service, serviceId, instanceId);

function instancePage(ctx, kind, owner, instanceId) {
    ctx.title(instanceId);
    const state = h('span', {class: 'head-state'});
    const details = h('div', {}, h('p', {class: 'muted'}, 'Loading…'));
    const ports = h('div');
    const events = eventList('No events for this instance in the last hour.');

    replace(ctx.root,
        h('div', {class: 'page-head'}, h('div', {},
            h('div', {class: 'crumbs'}, h('a', {href: '#/'}, 'Cluster'), ' / ',
                h('a', {href: kind.ownerHref(owner)}, owner), ' / Instances'),
            h('h1', {}, instanceId, state))),
        h('div', {class: 'two-col'},
            card('Instance', details, {dataset: {section: 'instance'}}),
            h('div', {class: 'stack'},
                card('Ports', ports, {dataset: {section: 'ports'}}),
                card('Recent events', events.element, {dataset: {section: 'events'}, note: 'live'}))),
        logPanel(ctx.scope, ctx.session, kind.logs(owner, instanceId)));

    ctx.scope.every(2000, async () => {
        const info = await get(kind.info(owner, instanceId));
        replace(state, badge(info.state));
        replace(details, kv([
            [kind.owner, h('a', {href: kind.ownerHref(owner)}, owner)],
            ['State', badge(info.state)],
            ['Executor', info.executorId ? h('a', {href: executorHref(info.executorId)},
                (info.localInfo && info.localInfo.hostname) || info.executorId) : '–'],
            ['Cores', coresText(info.resources)],
            ['Memory', megabytes(memoryOf(info.resources))],
            ['Created', h('span', {}, dateTime(info.created), ' (', when(info.created), ')')],
            ['Updated', h('span', {}, dateTime(info.updated), ' (', when(info.updated), ')')],
            info.errorMessage ? ['Error', h('span', {class: 'error-text'}, info.errorMessage)] : null,
            Object.keys(info.metadata || {}).length ? ['Metadata', json(info.metadata)] : null,
        ]));
        const host = info.localInfo && info.localInfo.hostname;
        const list = portsOf(info.localInfo);
        replace(ports, list.length === 0 ? h('p', {class: 'muted'}, 'No ports.') : h('table', {class: 'grid'},
            h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {class: 'num'}, 'Host port'),
                h('th', {class: 'num'}, 'Container port'), h('th', {}, 'Type'))),
            h('tbody', {}, list.map((p) => h('tr', {},
                h('td', {}, p.name),
                h('td', {class: 'num'}, p.type === 'HTTP' || p.type === 'HTTPS'
                    ? h('a', {href: `${p.type.toLowerCase()}://${host}:${p.hostPort}/`, target: '_blank',
                        rel: 'noopener noreferrer'}, String(p.hostPort)) : String(p.hostPort)),
                h('td', {class: 'num'}, String(p.containerPort)),
                h('td', {}, p.type || '–'))))));
    }, (error) => {
        if (error.notFound) {
            replace(details, notice(`There is no instance ${instanceId} of ${owner}.`, 'warn'));
            return true;
        }
        return false;
    });

    followEvents(ctx.scope, 2000, (batch) => events.add(batch.map((e) => ({event: e, ...describe(e, 'self')}))),
        (e) => (e.metadata || {}).INSTANCE_ID === instanceId && kind.eventOwner(e.metadata || {}) === owner);
}
