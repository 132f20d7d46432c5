// A live list of events, newest first, as application, instance and task pages show them.

import {h, replace} from './dom.js';
import {timeOfDay} from './format.js';
import {family, words} from './events.js';

/** {element, add(items)}: items are {event, subject, text} from events.describe; at most `limit` are kept. */
export function eventList(emptyText, limit = 50, options = {}) {
    const list = h('ol', {class: 'event-list', dataset: {events: ''}});
    const items = [];
    const render = () => {
        if (items.length === 0) {
            replace(list, h('li', {class: 'event-empty muted'}, emptyText));
            return;
        }
        replace(list, items.map((item) => h('li', {class: ['event', `event-${family(item.event.type)}`],
            dataset: {type: item.event.type}},
        h('time', {class: 'event-time', title: new Date(item.event.time).toString()}, timeOfDay(item.event.time)),
        options.withType ? h('span', {class: 'event-type'}, words(item.event.type)) : null,
        item.subject ? h('span', {class: 'event-subject'}, item.subject) : null,
        h('span', {class: 'event-text'}, item.text))));
    };
    render();
    return {
        element: list,
        add(batch) {
            items.unshift(...[...batch].reverse());
            items.splice(limit);
            render();
        },
    };
}
