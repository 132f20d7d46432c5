// The confirmation every write goes through: a modal that says what will happen, optionally asks for values, and
// resolves with them (or null when cancelled).

import {h} from './dom.js';

/**
 * options: title, message (text or nodes), fields [{name, label, type ('number' | 'text' | 'select'), value, min, max,
 * pattern (text must match it whole), options (for select), help}], confirmLabel, danger (red confirm button).
 * Resolves with {name: value} (numbers as numbers) or null.
 */
export function confirmDialog(options) {
    return new Promise((resolve) => {
        const inputs = {};
        const fields = (options.fields || []).map((field) => {
            const input = field.type === 'select'
                ? h('select', {name: field.name, id: `field-${field.name}`},
                    field.options.map((o) => h('option', {value: o, selected: o === field.value}, o)))
                : h('input', {
                    name: field.name, id: `field-${field.name}`, type: field.type || 'text', value: field.value,
                    min: field.min, max: field.max, required: true, step: field.type === 'number' ? 1 : null,
                    pattern: field.pattern, autocomplete: 'off', spellcheck: 'false',
                });
            inputs[field.name] = {field, input};
            return h('label', {class: 'field', for: `field-${field.name}`},
                h('span', {class: 'field-label'}, field.label), input,
                field.help ? h('span', {class: 'field-help'}, field.help) : null);
        });
        const finish = (result) => {
            dialog.close();
            dialog.remove();
            resolve(result);
        };
        const form = h('form', {
            method: 'dialog', class: 'dialog-form',
            onsubmit: (event) => {
                event.preventDefault();
                if (!form.reportValidity()) {
                    return;
                }
                const values = {};
                Object.entries(inputs).forEach(([name, {field, input}]) => {
                    values[name] = field.type === 'number' ? Number(input.value) : input.value;
                });
                finish(values);
            },
        },
        h('h3', {}, options.title),
        h('div', {class: 'dialog-message'}, options.message),
        fields,
        h('div', {class: 'dialog-actions'},
            h('button', {type: 'button', class: 'btn btn-plain', dataset: {action: 'cancel'},
                onclick: () => finish(null)}, 'Cancel'),
            h('button', {type: 'submit', class: ['btn', options.danger ? 'btn-danger' : 'btn-primary'],
                dataset: {action: 'confirm'}}, options.confirmLabel || 'Confirm')));
        const dialog = h('dialog', {class: 'dialog', oncancel: (event) => {
            event.preventDefault();
            finish(null);
        }}, form);
        document.body.append(dialog);
        dialog.showModal();
        const first = form.querySelector('input, select');
        if (first) {
            first.select ? first.select() : first.focus();
        }
    });
}
