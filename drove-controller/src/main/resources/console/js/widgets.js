// Small building blocks every page uses: cards, stats with bars, key/value lists, tabs, JSON, times.

import {h, replace} from './dom.js';
import {ago, dateTime, percent} from './format.js';

/** A card with a title row (title, optional note and action buttons) and a body. */
export function card(title, body, options = {}) {
    return h('section', {class: ['card', options.class], dataset: options.dataset},
        title === null ? null : h('header', {class: 'card-head'},
            h('h2', {}, title),
            options.note ? h('span', {class: 'card-note'}, options.note) : null,
            h('span', {class: 'spacer'}),
            options.actions || null),
        h('div', {class: 'card-body'}, body));
}

/** One number with its label, for the summary strip. */
export function stat(label, value, sub, testId) {
    return h('div', {class: 'stat', dataset: {stat: testId || ''}},
        h('div', {class: 'stat-label'}, label),
        h('div', {class: 'stat-value'}, value),
        sub ? h('div', {class: 'stat-sub'}, sub) : null);
}

/** A used/free bar with a caption: "3 used · 5 free of 8". format turns amounts into text. */
export function meter(label, used, total, format = String, testId) {
    const free = Math.max(0, total - used);
    const share = percent(used, total);
    return h('div', {class: 'stat meter', dataset: {stat: testId || ''}},
        h('div', {class: 'stat-label'}, label, h('span', {class: 'meter-share'}, `${share}% used`)),
        h('div', {class: 'meter-value'}, h('strong', {}, format(used)), h('span', {class: 'dim'}, ` / ${format(total)}`)),
        h('div', {class: 'bar', role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': used,
            title: `${format(used)} used of ${format(total)}`},
        h('div', {class: ['bar-used', share >= 90 && 'bar-hot'], style: {width: `${share}%`}})),
        h('div', {class: 'meter-legend'},
            h('span', {class: 'legend-used'}, `${format(used)} used`),
            h('span', {class: 'legend-free'}, `${format(free)} free`)));
}

/** A definition list: [[label, value], ...]; null values are left out. */
export function kv(pairs) {
    return h('dl', {class: 'kv'}, pairs.filter((pair) => pair && pair[1] !== null && pair[1] !== undefined)
        .map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

/** Tabs: [{id, label, content (node), count?}]; the selected tab survives re-renders of the page. */
export function tabs(items, selectedId, onSelect) {
    const bar = h('div', {class: 'tabs', role: 'tablist'});
    const panels = h('div', {class: 'tab-panels'});
    const select = (id) => {
        replace(bar, items.map((item) => h('button', {
            type: 'button', role: 'tab', class: ['tab', item.id === id && 'active'], dataset: {tab: item.id},
            'aria-selected': item.id === id ? 'true' : 'false',
            onclick: () => select(item.id),
        }, item.label, item.count === undefined ? null : h('span', {class: 'tab-count'}, item.count))));
        items.forEach((item) => {
            item.content.hidden = item.id !== id;
        });
        if (onSelect) {
            onSelect(id);
        }
    };
    items.forEach((item) => panels.append(item.content));
    select(selectedId || items[0].id);
    return {element: h('div', {class: 'tabbed'}, bar, panels), select,
        setCount(id, count) {
            const tab = bar.querySelector(`[data-tab="${id}"] .tab-count`);
            if (tab) {
                tab.textContent = count;
            }
            const item = items.find((i) => i.id === id);
            if (item) {
                item.count = count;
            }
        }};
}

/** A time as "5 min ago" with the full date on hover. */
export function when(millis) {
    return millis ? h('time', {datetime: new Date(millis).toISOString(), title: dateTime(millis)}, ago(millis)) : '–';
}

/** Pretty-printed JSON with keys, strings and numbers coloured; built from text nodes only. */
export function json(value) {
    return h('pre', {class: 'json'}, jsonNodes(value, 0));
}

function jsonNodes(value, depth) {
    const pad = '  '.repeat(depth);
    const inner = '  '.repeat(depth + 1);
    if (Array.isArray(value)) {
        if (value.length === 0) {
            return '[]';
        }
        return ['[\n', value.map((item, i) => [inner, jsonNodes(item, depth + 1), i < value.length - 1 ? ',\n' : '\n']),
            pad, ']'];
    }
    if (value !== null && typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.length === 0) {
            return '{}';
        }
        return ['{\n', keys.map((key, i) => [inner, h('span', {class: 'j-key'}, JSON.stringify(key)), ': ',
            jsonNodes(value[key], depth + 1), i < keys.length - 1 ? ',\n' : '\n']), pad, '}'];
    }
    const kind = value === null ? 'null' : typeof value;
    return h('span', {class: `j-${kind}`}, JSON.stringify(value));
}

/** A button; kind: primary | danger | plain. */
export function button(label, onclick, kind = 'plain', attrs = {}) {
    return h('button', {type: 'button', class: ['btn', `btn-${kind}`], onclick, ...attrs}, label);
}

/** A message line for errors and empty states. */
export function notice(text, kind = 'info') {
    return h('div', {class: ['notice', `notice-${kind}`]}, text);
}
