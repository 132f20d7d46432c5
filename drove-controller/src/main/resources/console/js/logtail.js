// The log panel of an instance or task: its files with download links, and a live tail of one file that follows
// what the container writes (polls GET {base}/read/{file}?offset=…, the offset each answer returns is where the next
// read starts).

import {API, getRaw} from './api.js';
import {h, replace} from './dom.js';
import {bytes, timeOfDay} from './format.js';
import {button, card, notice} from './widgets.js';

const BACKLOG = 16 * 1024;
const CHUNK = 64 * 1024;
const MAX_LINES = 5000;

/** base: e.g. /logfiles/applications/{appId}/{instanceId} (path segments already encoded). */
export function logPanel(scope, session, base, options = {}) {
    if (!session.canReadLogs) {
        return card('Logs', notice('Your role may not read log files.', 'info'), {dataset: {section: 'logs'}});
    }
    const file = options.file || 'output.log';
    const files = h('div', {class: 'log-files', dataset: {logFiles: ''}});
    const output = h('pre', {class: 'log', dataset: {log: ''}, tabindex: 0});
    const status = h('span', {class: 'log-status'});
    let follow = true;
    let paused = false;
    let offset = null;
    let lines = 0;

    const followBox = h('input', {type: 'checkbox', checked: true, onchange: () => {
        follow = followBox.checked;
        if (follow) {
            output.scrollTop = output.scrollHeight;
        }
    }});
    const wrapBox = h('input', {type: 'checkbox', onchange: () => output.classList.toggle('wrap', wrapBox.checked)});
    const pause = button('Pause', () => {
        paused = !paused;
        pause.textContent = paused ? 'Resume' : 'Pause';
        showStatus();
    }, 'small', {dataset: {action: 'pause-log'}});
    const clear = button('Clear', () => {
        output.replaceChildren();
        lines = 0;
    }, 'small');
    output.addEventListener('scroll', () => {
        const atBottom = output.scrollHeight - output.scrollTop - output.clientHeight < 24;
        if (follow !== atBottom) {
            follow = atBottom;
            followBox.checked = atBottom;
        }
    });

    const showStatus = (extra) => {
        replace(status, h('span', {class: ['live-dot', (paused || offset === null) && 'off']}),
            paused ? 'paused' : offset === null ? 'waiting for the log' : 'following',
            ` · ${file}`, offset === null ? null : ` · ${bytes(offset)}`, extra ? ` · ${extra}` : null);
    };

    const write = (text) => {
        if (!text) {
            return;
        }
        output.append(document.createTextNode(text));
        lines += (text.match(/\n/g) || []).length;
        while (lines > MAX_LINES && output.firstChild) {
            const first = output.firstChild;
            lines -= (first.textContent.match(/\n/g) || []).length;
            first.remove();
        }
        if (follow) {
            output.scrollTop = output.scrollHeight;
        }
    };

    const read = (from, length) => getRaw(`${base}/read/${encodeURIComponent(file)}?offset=${from}&length=${length}`);

    scope.every(1000, async () => {
        if (paused) {
            return;
        }
        if (offset === null) {
            const end = (await read(-1, 1)).offset;
            const start = Math.max(0, end - BACKLOG);
            offset = start;
            if (end > start) {
                const backlog = await read(start, end - start);
                let text = backlog.data || '';
                if (start > 0 && text.includes('\n')) {
                    text = text.slice(text.indexOf('\n') + 1);
                }
                offset = backlog.offset;
                write(text);
            }
        }
        for (let reads = 0; reads < 8; reads++) {
            const chunk = await read(offset, CHUNK);
            if (chunk.offset < offset) {
                write(`\n--- ${file} was rotated or truncated; following it from its start ---\n`);
            }
            offset = chunk.offset;
            write(chunk.data);
            if (!chunk.data || chunk.data.length < CHUNK) {
                break;
            }
        }
        showStatus(`updated ${timeOfDay(Date.now())}`);
    }, (error) => {
        offset = null;
        showStatus(error.status === 404 || error.status === 400 ? 'no log yet' : error.message);
        return true;
    });

    scope.every(10000, async () => {
        const list = await getRaw(`${base}/list`);
        const names = (list && list.files) || [];
        replace(files, names.length === 0 ? h('span', {class: 'muted'}, 'No files yet.') : names.map((name) =>
            h('a', {class: 'file-link', href: `${API}${base}/download/${encodeURIComponent(name)}`, download: name,
                title: `Download ${name}`}, '⤓ ', name)));
    }, () => true);

    showStatus();
    return card('Logs', [
        h('div', {class: 'log-toolbar'}, status, h('span', {class: 'spacer'}),
            h('label', {class: 'check-label'}, followBox, ' Follow'),
            h('label', {class: 'check-label'}, wrapBox, ' Wrap'), pause, clear),
        output,
        h('div', {class: 'log-foot'}, h('span', {class: 'muted'}, 'Files: '), files),
    ], {dataset: {section: 'logs'}});
}
