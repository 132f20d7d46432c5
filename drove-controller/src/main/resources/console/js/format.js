// How numbers, sizes and times are written everywhere in the console.

const UNITS = ['MB', 'GB', 'TB', 'PB'];

/** A size given in MB, as the API gives memory: 512 MB, 1.5 GB, 1.88 TB. */
export function megabytes(mb) {
    if (mb === null || mb === undefined || Number.isNaN(Number(mb))) {
        return '–';
    }
    let value = Number(mb);
    let unit = 0;
    while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
        value /= 1024;
        unit++;
    }
    const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
    return `${value.toFixed(digits).replace(/\.0+$/, '')} ${UNITS[unit]}`;
}

/** A byte count (log offsets): 12 KB, 3.2 MB. */
export function bytes(n) {
    if (n < 1024) {
        return `${n} B`;
    }
    if (n < 1024 * 1024) {
        return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
    }
    return megabytes(n / (1024 * 1024));
}

/** A whole number with thousands separators. */
export function count(n) {
    return n === null || n === undefined ? '–' : Number(n).toLocaleString('en');
}

const pad = (n) => String(n).padStart(2, '0');

/** An instant (epoch millis) as local "2024-05-02 13:04:05". */
export function dateTime(millis) {
    if (!millis) {
        return '–';
    }
    const d = new Date(millis);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} `
        + `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Only the time of day, for lists of recent events. */
export function timeOfDay(millis) {
    const d = new Date(millis);
    return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** How long ago: "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago". */
export function ago(millis, now = Date.now()) {
    if (!millis) {
        return '–';
    }
    const seconds = Math.max(0, Math.round((now - millis) / 1000));
    if (seconds < 5) {
        return 'just now';
    }
    if (seconds < 60) {
        return `${seconds} s ago`;
    }
    if (seconds < 3600) {
        return `${Math.floor(seconds / 60)} min ago`;
    }
    if (seconds < 86400) {
        return `${Math.floor(seconds / 3600)} h ago`;
    }
    return `${Math.floor(seconds / 86400)} d ago`;
}

/** A percentage of a whole, 0 when the whole is 0. */
export function percent(part, whole) {
    return whole > 0 ? Math.round((100 * part) / whole) : 0;
}

/** Sorts map keys that are numbers (NUMA node ids) numerically. */
export function numericKeys(object) {
    return Object.keys(object || {}).sort((a, b) => Number(a) - Number(b));
}
