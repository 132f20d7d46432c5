// The banner under the header: shown while the controller does not answer or refuses the console, hidden again as
// soon as a call works.

import {replace} from './dom.js';

const banner = () => document.getElementById('banner');

/** A call worked: hide the banner. */
export function ok() {
    const el = banner();
    if (el && !el.hidden) {
        el.hidden = true;
    }
}

/** A poll failed: say why, without clearing what the page shows (it may still be useful). */
export function failed(error) {
    const el = banner();
    if (!el) {
        return;
    }
    replace(el, error && error.message ? error.message : String(error));
    el.className = error && error.status === 0 ? 'banner banner-warn' : 'banner banner-bad';
    el.hidden = false;
}
