// #/tasks/{app}/{taskId} — one task: where it runs, what it runs, how it ended, and a live tail of its log.

import {get, post, seg} from '../api.js';
import {badge, chip} from '../badges.js';
import {confirmDialog} from '../dialog.js';
import {h, replace} from '../dom.js';
import {dateTime, megabytes} from '../format.js';
import {describe, followEvents} from '../events.js';
import {coresText, executorHref, memoryOf} from '../columns.js';
import {eventList} from '../eventlist.js';
import {logPanel} from '../logtail.js';
import {button, card, kv, notice, when} from '../widgets.js';

const ENDED = new Set(['STOPPED', 'LOST']);

export function taskPage(ctx, appName, taskId) {
    ctx.title(taskId);
    const state = h('span', {class: 'head-state'});
    const details = h('div', {}, h('p', {class: 'muted'}, 'Loading…'));
    const env = h('div');
    const message = h('div', {class: 'progress-slot'});
    const events = eventList('No events for this task in the last hour.');
    let task = null;
    const kill = ctx.session.canWrite ? button('Kill', async () => {
        const ok = await confirmDialog({
            title: `Kill task ${taskId}?`,
            message: 'Its container is stopped now; the task ends as CANCELLED.',
            confirmLabel: 'Kill', danger: true,
        });
        if (ok) {
            try {
                await post('/tasks/operations', {type: 'KILL', sourceAppName: appName, taskId,
                    opSpec: {timeout: '300 seconds', parallelism: 1, failureStrategy: 'STOP'}});
                replace(message, notice('Kill requested; the state below follows it.', 'info'));
            } catch (error) {
                replace(message, notice(`Killing was refused: ${error.message}`, 'bad'));
            }
        }
    }, 'danger', {dataset: {action: 'kill'}, disabled: true}) : null;

    replace(ctx.root,
        h('div', {class: 'page-head'},
            h('div', {},
                h('div', {class: 'crumbs'}, h('a', {href: '#/'}, 'Cluster'), ' / Tasks / ', appName),
                h('h1', {}, taskId, state)),
            h('span', {class: 'spacer'}),
            kill ? h('div', {class: 'actions'}, kill) : null),
        message,
        h('div', {class: 'two-col'},
            card('Task', details, {dataset: {section: 'task'}}),
            h('div', {class: 'stack'},
                card('Recent events', events.element, {dataset: {section: 'events'}, note: 'live'}),
                card('Environment', env, {dataset: {section: 'env'}}))),
        logPanel(ctx.scope, ctx.session, `/logfiles/tasks/${seg(appName)}/${seg(taskId)}`));

    ctx.scope.every(2000, async () => {
        task = await get(`/tasks/${seg(appName)}/instances/${seg(taskId)}`);
        replace(state, badge(task.state));
        if (kill) {
            kill.disabled = ENDED.has(task.state);
        }
        const result = task.taskResult;
        replace(details, kv([
            ['Application', appName],
            ['Instance', h('span', {class: 'mono'}, task.instanceId)],
            ['State', badge(task.state)],
            ['Result', result ? h('span', {}, badge(result.status), ` exit code ${result.exitCode}`) : 'not ended yet'],
            ['Executor', task.executorId ? h('a', {href: executorHref(task.executorId)},
                task.hostname || task.executorId) : '–'],
            ['Image', task.executable ? h('span', {class: 'mono'}, task.executable.url) : '–'],
            ['Cores', coresText(task.resources)],
            ['Memory', megabytes(memoryOf(task.resources))],
            ['Volumes', (task.volumes || []).length ? task.volumes.map((v) =>
                chip(`${v.pathOnHost} → ${v.pathInContainer} (${v.mode})`)) : null],
            ['Created', h('span', {}, dateTime(task.created), ' (', when(task.created), ')')],
            ['Updated', h('span', {}, dateTime(task.updated), ' (', when(task.updated), ')')],
            task.errorMessage ? ['Error', h('span', {class: 'error-text'}, task.errorMessage)] : null,
        ]));
        const vars = Object.entries(task.env || {});
        replace(env, vars.length ? kv(vars.sort().map(([k, v]) => [h('span', {class: 'mono'}, k),
            h('span', {class: 'mono'}, v)])) : h('p', {class: 'muted'}, 'No variables set by the spec.'));
    }, (error) => {
        if (error.notFound) {
            replace(details, notice(`There is no task ${taskId} of ${appName}: its metadata may have been removed.`,
                'warn'));
            return true;
        }
        return false;
    });

    followEvents(ctx.scope, 2000, (batch) => events.add(batch.map((e) => ({event: e, ...describe(e, 'self')}))),
        (e) => e.type === 'TASK_STATE_CHANGE' && (e.metadata || {}).TASK_ID === taskId
            && (e.metadata || {}).APP_NAME === appName);
}
