// A table with search, sorting and paging that keeps its state (search text, sort, page) while its rows are
// refreshed by polls.
//
// columns: [{key, label, value(row) -> string|number (sorting, searching, default cell), render(row) -> node|text,
//            num: true for right-aligned numbers, title}]

import {h, replace} from './dom.js';

const SIZES = [10, 25, 50, 100];

export class DataTable {
    /**
     * options: id (for tests: data-table), columns, key(row) -> row id, sort {key, desc}, pageSize, empty (text when
     * there are no rows at all), searchable (default true), compact (no toolbar when rows fit one page and no search).
     */
    constructor(options) {
        this.options = options;
        this.columns = options.columns;
        this.rows = null;
        this.query = '';
        this.sortKey = options.sort ? options.sort.key : null;
        this.desc = options.sort ? !!options.sort.desc : false;
        this.page = 0;
        this.pageSize = options.pageSize || 10;

        this.search = h('input', {
            type: 'search', class: 'dt-search', placeholder: 'Search…', 'aria-label': 'Search',
            oninput: () => {
                this.query = this.search.value.trim().toLowerCase();
                this.page = 0;
                this.render();
            },
        });
        this.sizeSelect = h('select', {
            class: 'dt-size', 'aria-label': 'Rows per page',
            onchange: () => {
                this.pageSize = Number(this.sizeSelect.value);
                this.page = 0;
                this.render();
            },
        }, SIZES.map((n) => h('option', {value: n, selected: n === this.pageSize}, `${n} rows`)));
        this.head = h('thead');
        this.body = h('tbody');
        this.info = h('span', {class: 'dt-info'});
        this.pager = h('nav', {class: 'pager', 'aria-label': 'Pages'});
        this.element = h('div', {class: 'datatable', dataset: {table: options.id || ''}},
            options.searchable === false ? null : h('div', {class: 'dt-toolbar'}, this.search),
            h('div', {class: 'dt-scroll'}, h('table', {class: 'grid'}, this.head, this.body)),
            h('div', {class: 'dt-footer'}, this.info, h('span', {class: 'dt-spacer'}), this.sizeSelect, this.pager));
        this.renderHead();
        this.render();
    }

    /** New rows from a poll; search, sort and page stay as the user left them. */
    update(rows) {
        this.rows = rows || [];
        this.render();
    }

    renderHead() {
        replace(this.head, h('tr', {}, this.columns.map((column) => {
            const sortable = column.sortable !== false;
            const active = this.sortKey === column.key;
            return h('th', {
                class: [column.num && 'num', sortable && 'sortable', active && 'sorted'],
                title: column.title,
                'aria-sort': active ? (this.desc ? 'descending' : 'ascending') : null,
                onclick: sortable ? () => this.sortBy(column.key) : null,
            }, column.label, sortable ? h('span', {class: 'sort-mark'}, active ? (this.desc ? '▼' : '▲') : '↕') : null);
        })));
    }

    sortBy(key) {
        if (this.sortKey === key) {
            this.desc = !this.desc;
        } else {
            this.sortKey = key;
            this.desc = false;
        }
        this.renderHead();
        this.render();
    }

    valueOf(column, row) {
        const value = column.value ? column.value(row) : row[column.key];
        return value === undefined || value === null ? '' : value;
    }

    visibleRows() {
        let rows = this.rows || [];
        if (this.query) {
            rows = rows.filter((row) => this.columns.some((column) =>
                String(this.valueOf(column, row)).toLowerCase().includes(this.query)));
        }
        const column = this.columns.find((c) => c.key === this.sortKey);
        if (column) {
            const direction = this.desc ? -1 : 1;
            rows = [...rows].sort((a, b) => direction * compare(this.valueOf(column, a), this.valueOf(column, b)));
        }
        return rows;
    }

    render() {
        if (this.rows === null) {
            replace(this.body, this.message('Loading…'));
            this.info.textContent = '';
            replace(this.pager);
            return;
        }
        const rows = this.visibleRows();
        const pages = Math.max(1, Math.ceil(rows.length / this.pageSize));
        this.page = Math.min(this.page, pages - 1);
        const first = this.page * this.pageSize;
        const shown = rows.slice(first, first + this.pageSize);
        if (shown.length === 0) {
            replace(this.body, this.message(this.rows.length === 0
                ? (this.options.empty || 'Nothing here yet.') : 'Nothing matches the search.'));
        } else {
            replace(this.body, shown.map((row) => h('tr', {dataset: {id: this.options.key(row)}},
                this.columns.map((column) => h('td', {class: column.num && 'num', dataset: {col: column.key}},
                    column.render ? column.render(row) : this.valueOf(column, row))))));
        }
        const total = this.rows.length;
        this.info.textContent = rows.length === 0 ? `0 of ${total}`
            : `${first + 1}–${first + shown.length} of ${rows.length}${rows.length < total ? ` (filtered from ${total})` : ''}`;
        this.renderPager(pages);
    }

    message(text) {
        return h('tr', {class: 'dt-empty'}, h('td', {colspan: this.columns.length}, text));
    }

    renderPager(pages) {
        const go = (page) => () => {
            this.page = page;
            this.render();
        };
        const button = (label, page, options = {}) => h('button', {
            type: 'button', class: ['page-button', options.current && 'current'],
            disabled: options.disabled, 'aria-current': options.current ? 'page' : null,
            onclick: options.disabled || options.current ? null : go(page),
        }, label);
        const numbers = pageWindow(this.page, pages).map((page) => page === null
            ? h('span', {class: 'page-gap'}, '…')
            : button(String(page + 1), page, {current: page === this.page}));
        replace(this.pager,
            button('‹ Prev', this.page - 1, {disabled: this.page === 0}),
            numbers,
            button('Next ›', this.page + 1, {disabled: this.page >= pages - 1}));
    }
}

/** Numbers as numbers, everything else as text, case-insensitively. */
function compare(a, b) {
    if (typeof a === 'number' && typeof b === 'number') {
        return a - b;
    }
    return String(a).localeCompare(String(b), 'en', {numeric: true, sensitivity: 'base'});
}

/** Page indexes to show: the first, the last, two around the current one; null marks a gap. */
function pageWindow(current, pages) {
    const wanted = new Set([0, pages - 1, current - 1, current, current + 1].filter((p) => p >= 0 && p < pages));
    const sorted = [...wanted].sort((a, b) => a - b);
    const out = [];
    sorted.forEach((page, i) => {
        if (i > 0 && page - sorted[i - 1] > 1) {
            out.push(null);
        }
        out.push(page);
    });
    return out;
}
