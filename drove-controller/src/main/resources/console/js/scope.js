// What a page starts (polls, timers, listeners) belongs to its scope and stops when the user leaves the page.

import * as connection from './connection.js';

export class Scope {
    constructor() {
        this.alive = true;
        this.cleanups = [];
    }

    /**
     * Runs task now, then again intervalMs after each run finishes (runs never overlap), until the scope ends or
     * stop() is called. A failure goes to onError when given (return true there to mark it handled), else to the
     * banner; the next run still happens. While the browser tab is hidden runs are skipped.
     * Returns {stop(), now()}: now() runs the task at once unless a run is under way.
     */
    every(intervalMs, task, onError) {
        let stopped = false;
        let running = false;
        let first = true;
        let handle = null;
        const live = () => this.alive && !stopped;
        const run = async () => {
            clearTimeout(handle);
            handle = null;
            if (!live() || running) {
                return;
            }
            if (first || !document.hidden) {
                first = false;
                running = true;
                try {
                    await task();
                    if (live()) {
                        connection.ok();
                    }
                } catch (error) {
                    if (live() && !(onError && onError(error))) {
                        connection.failed(error);
                    }
                } finally {
                    running = false;
                }
            }
            if (live()) {
                handle = setTimeout(run, intervalMs);
            }
        };
        const stop = () => {
            stopped = true;
            clearTimeout(handle);
        };
        this.cleanups.push(stop);
        run();
        return {stop, now: run};
    }

    /** Runs fn when the scope ends. */
    onDispose(fn) {
        this.cleanups.push(fn);
    }

    dispose() {
        this.alive = false;
        this.cleanups.splice(0).forEach((fn) => fn());
    }
}
