// States as coloured badges. The text is the state exactly as the API names it; the colour says how to feel about it.

import {h} from './dom.js';

const GOOD = new Set(['HEALTHY', 'RUNNING', 'ACTIVE', 'NORMAL', 'READY', 'RUN_COMPLETED', 'SUCCESSFUL']);
const BAD = new Set(['FAILED', 'LOST', 'BLACKLISTED', 'REMOVED']);
const WARN = new Set(['UNHEALTHY', 'OUTAGE_DETECTED', 'BLACKLIST_REQUESTED', 'MAINTENANCE', 'UNKNOWN',
    'EMERGENCY_DEACTIVATION_REQUESTED', 'CONFIG_TESTING', 'CANCELLED']);
const IDLE = new Set(['MONITORING', 'STOPPED', 'INACTIVE', 'DESTROYED', 'UNREADY_EXECUTOR']);

/** good | bad | warn | idle | busy: how a state reads to an operator. */
export function tone(state) {
    if (!state) {
        return 'idle';
    }
    if (GOOD.has(state)) {
        return 'good';
    }
    if (BAD.has(state) || state.endsWith('_FAILED')) {
        return 'bad';
    }
    if (WARN.has(state)) {
        return 'warn';
    }
    if (IDLE.has(state)) {
        return 'idle';
    }
    return 'busy';
}

/** A badge for a state; busy states get a pulsing dot so change is visible at a glance. */
export function badge(state, extra) {
    const t = tone(state);
    return h('span', {class: ['badge', `badge-${t}`, extra], title: state || ''},
        t === 'busy' ? h('span', {class: 'pulse'}) : null, state || '–');
}

/** A small grey chip, for tags and marks. */
export function chip(text, kind) {
    return h('span', {class: ['chip', kind && `chip-${kind}`]}, text);
}
