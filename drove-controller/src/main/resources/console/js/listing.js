// Reading whole listings that the API pages (from/size, at most 1024 a page).

import {get} from './api.js';

const PAGE = 1024;

/** Every value of a paged map listing such as /applications or /localservices. */
export async function allOf(path) {
    const values = [];
    for (let from = 0; ; from += PAGE) {
        const page = await get(`${path}?from=${from}&size=${PAGE}`) || {};
        const items = Object.values(page);
        values.push(...items);
        if (items.length < PAGE) {
            return values;
        }
    }
}
