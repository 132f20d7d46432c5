// #/localservices/{id} — one local service (an instance on every executor): state and activation, instances,
// recent events, spec; activate and deactivate for read-write users.

import {get, post, seg} from '../api.js';
import {badge, chip} from '../badges.js';
import {confirmDialog} from '../dialog.js';
import {h, replace} from '../dom.js';
import {count, megabytes} from '../format.js';
import {describe, followEvents} from '../events.js';
import {instanceColumns, serviceInstanceHref} from '../columns.js';
import {eventList} from '../eventlist.js';
import {DataTable} from '../table.js';
import {button, card, json, notice, stat, when} from '../widgets.js';

export function localServicePage(ctx, serviceId) {
    ctx.title(serviceId);
    const state = h('span', {class: 'head-state'});
    const subtitle = h('div', {class: 'page-sub'});
    const message = h('div', {class: 'progress-slot'});
    const stats = h('div', {class: 'summary summary-small'});
    const hrefOf = (i) => serviceInstanceHref(serviceId, i.instanceId);
    const instances = new DataTable({id: 'instances', key: (i) => i.instanceId, sort: {key: 'host'},
        columns: instanceColumns(hrefOf), empty: 'No instance is running.'});
    const old = new DataTable({id: 'old-instances', key: (i) => i.instanceId, sort: {key: 'updated', desc: true},
        columns: instanceColumns(hrefOf, {withError: true}), empty: 'No old instances.'});
    const events = eventList('No events for this local service in the last hour.');
    const spec = h('div', {}, h('p', {class: 'muted'}, 'Loading…'));
    let service = null;

    const operate = (type, title, text, danger) => button(title, async () => {
        const ok = await confirmDialog({title: `${title} ${serviceId}?`, message: text, confirmLabel: title, danger});
        if (ok) {
            try {
                await post('/localservices/operations', {type, serviceId});
                replace(message, notice(`${title} requested; the state above follows it.`, 'info'));
            } catch (error) {
                replace(message, notice(`${title} was refused: ${error.message}`, 'bad'));
            }
            poll.now();
        }
    }, danger ? 'danger' : 'primary', {dataset: {action: type.toLowerCase()}});
    const activate = ctx.session.canWrite ? operate('ACTIVATE', 'Activate',
        'An instance is started on every executor that can take one.', false) : null;
    const deactivate = ctx.session.canWrite ? operate('DEACTIVATE', 'Deactivate',
        'Every instance is stopped; the service stays and can be activated again.', true) : null;

    replace(ctx.root,
        h('div', {class: 'page-head'},
            h('div', {},
                h('div', {class: 'crumbs'}, h('a', {href: '#/'}, 'Cluster'), ' / Local services'),
                h('h1', {}, serviceId, state),
                subtitle),
            h('span', {class: 'spacer'}),
            ctx.session.canWrite ? h('div', {class: 'actions'}, activate, deactivate) : null),
        message,
        stats,
        card('Instances', instances.element, {dataset: {section: 'instances'}}),
        h('div', {class: 'two-col'},
            card('Recent events', events.element, {dataset: {section: 'events'}, note: 'live'}),
            card('Spec', spec, {dataset: {section: 'spec'}})),
        card('Old instances', old.element, {dataset: {section: 'old-instances'}}));

    const poll = ctx.scope.every(2000, async () => {
        const [summary, list] = await Promise.all([get(`/localservices/${seg(serviceId)}`),
            get(`/localservices/${seg(serviceId)}/instances`)]);
        service = summary;
        replace(state, badge(service.state));
        if (activate) {
            activate.hidden = service.activationState === 'ACTIVE';
            deactivate.hidden = service.activationState === 'INACTIVE';
        }
        replace(stats,
            stat('Activation', badge(service.activationState), null, 'activation'),
            stat('Per host', count(service.instancesPerHost), 'instances per executor', 'per-host'),
            stat('Healthy', count(service.healthyInstances), 'instances', 'healthy'),
            stat('CPU', count(service.totalCPUs), 'cores in use', 'cpu'),
            stat('Memory', megabytes(service.totalMemory), 'in use', 'memory'),
            stat('Updated', when(service.updated), null, 'updated'));
        instances.update(list || []);
    }, (error) => {
        if (error.notFound) {
            replace(ctx.root, h('div', {class: 'empty-page'}, h('h1', {}, serviceId),
                notice(`There is no local service ${serviceId}.`, 'warn'),
                h('p', {}, h('a', {href: '#/'}, 'Back to the cluster'))));
            ctx.scope.dispose();
            return true;
        }
        return false;
    });

    ctx.scope.every(10000, async () => {
        old.update(await get(`/localservices/${seg(serviceId)}/instances/old`) || []);
    }, () => true);

    get(`/localservices/${seg(serviceId)}/spec`).then((s) => {
        replace(subtitle, h('span', {}, `${s.name} · version ${s.version}`),
            Object.entries(s.tags || {}).map(([k, v]) => chip(`${k}: ${v}`)));
        replace(spec, json(s));
    }).catch((error) => replace(spec, notice(error.message, 'bad')));

    followEvents(ctx.scope, 2000, (batch) => events.add(batch.map((e) => ({event: e, ...describe(e, 'owner')}))),
        (e) => {
            const m = e.metadata || {};
            return m.LOCAL_SERVICE_ID === serviceId || m.SERVICE_ID === serviceId;
        });
}
