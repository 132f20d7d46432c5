// #/events — what happened in the cluster in the last hour (as long as the leader keeps events), newest first,
// updating live; filter by kind and search by any id or state.

import {h, replace} from '../dom.js';
import {dateTime, timeOfDay} from '../format.js';
import {describe, family, followEvents, words} from '../events.js';
import {button, card, json} from '../widgets.js';

const KEEP = 2000;
const SHOWN = 300;
const FAMILIES = [['all', 'All'], ['app', 'Applications'], ['instance', 'Instances'], ['task', 'Tasks'],
    ['service', 'Local services'], ['executor', 'Executors'], ['cluster', 'Cluster']];

export function eventsPage(ctx) {
    ctx.title('Events');
    const all = [];
    let kind = 'all';
    let query = '';
    let paused = false;
    let pending = [];
    const list = h('ol', {class: 'event-list event-list-full', dataset: {events: ''}});
    const counts = h('div', {class: 'event-counts'});
    const status = h('span', {class: 'log-status'});
    const search = h('input', {type: 'search', class: 'dt-search', placeholder: 'Search ids, states, hosts…',
        oninput: () => {
            query = search.value.trim().toLowerCase();
            render();
        }});
    const select = h('select', {class: 'dt-size', 'aria-label': 'Kind of event', onchange: () => {
        kind = select.value;
        render();
    }}, FAMILIES.map(([value, label]) => h('option', {value}, label)));
    const pause = button('Pause', () => {
        paused = !paused;
        pause.textContent = paused ? 'Resume' : 'Pause';
        if (!paused) {
            take(pending);
            pending = [];
        }
        render();
    }, 'small', {dataset: {action: 'pause-events'}});

    const take = (batch) => {
        all.unshift(...batch.map((event) => ({event,
            haystack: `${event.type} ${JSON.stringify(event.metadata || {})}`.toLowerCase()})).reverse());
        all.splice(KEEP);
    };

    function render() {
        const shown = all.filter((item) => (kind === 'all' || family(item.event.type) === kind)
            && (!query || item.haystack.includes(query)));
        replace(status, h('span', {class: ['live-dot', paused && 'off']}),
            paused ? `paused · ${pending.length} new` : 'live', ` · ${shown.length} of ${all.length} events`);
        const tally = {};
        all.forEach((item) => {
            tally[item.event.type] = (tally[item.event.type] || 0) + 1;
        });
        replace(counts, Object.entries(tally).sort().map(([type, n]) => h('span', {
            class: ['count-chip', `event-${family(type)}`]}, words(type), h('strong', {}, String(n)))));
        replace(list, shown.length === 0
            ? h('li', {class: 'event-empty muted'}, all.length ? 'No event matches.' : 'No events yet.')
            : shown.slice(0, SHOWN).map((item) => {
                const said = describe(item.event);
                return h('li', {class: ['event', `event-${family(item.event.type)}`], dataset: {type: item.event.type}},
                    h('time', {class: 'event-time', title: dateTime(item.event.time)}, timeOfDay(item.event.time)),
                    h('span', {class: 'event-type', title: item.event.type}, words(item.event.type)),
                    h('span', {class: 'event-subject'}, said.subject),
                    h('span', {class: 'event-text'}, said.text),
                    h('details', {class: 'event-details'}, h('summary', {}, 'details'), json(item.event)));
            }));
    }

    replace(ctx.root,
        h('div', {class: 'page-head'}, h('div', {}, h('h1', {}, 'Events'),
            h('div', {class: 'page-sub'}, 'State changes across the cluster, newest first. The leader keeps them '
                + 'for a limited time.'))),
        card(null, [
            h('div', {class: 'dt-toolbar'}, search, select, h('span', {class: 'spacer'}), status, pause),
            counts,
            list,
        ], {dataset: {section: 'events'}}));

    followEvents(ctx.scope, 1500, (batch) => {
        if (paused) {
            pending.push(...batch);
        } else {
            take(batch);
        }
        render();
    });
}
