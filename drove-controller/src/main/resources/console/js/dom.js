// Building DOM nodes without HTML strings: text is always inserted as text, so data from the API can never become
// markup.

/**
 * Creates an element. attrs: class, dataset {k: v}, style {k: v}, on<event> handlers, booleans (true sets the
 * attribute, false/null leaves it out), anything else as an attribute. Children: nodes, strings, numbers, arrays;
 * null, undefined and false are skipped.
 */
export function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (key === 'class') {
            el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
        } else if (key === 'dataset') {
            Object.assign(el.dataset, value);
        } else if (key === 'style') {
            Object.assign(el.style, value);
        } else if (key.startsWith('on') && typeof value === 'function') {
            el.addEventListener(key.slice(2), value);
        } else if (key === 'value') {
            el.value = value;
        } else {
            el.setAttribute(key, value === true ? '' : String(value));
        }
    }
    append(el, children);
    return el;
}

/** Appends children as h() takes them. */
export function append(el, children) {
    for (const child of [children].flat(Infinity)) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
}

/** Replaces everything inside el. */
export function replace(el, ...children) {
    el.replaceChildren();
    return append(el, children);
}
