// Hash routing: #/ (home), #/apps/{id}, #/apps/{id}/instances/{iid}, #/tasks/{app}/{id}, #/executors/{id},
// #/events, #/localservices/{id}, #/localservices/{id}/instances/{iid}. Each page renders into #page with a fresh
// Scope that is disposed when the user navigates away.

import {h, replace} from './dom.js';
import {Scope} from './scope.js';
import * as connection from './connection.js';

/**
 * routes: [{pattern: /^\/apps\/([^/]+)$/, nav: 'home', page: (ctx, ...params) => void}]. ctx: {root, scope,
 * session, title(text), refresh()}.
 */
export function startRouter(routes, session) {
    const root = document.getElementById('page');
    let scope = null;

    const show = () => {
        if (scope) {
            scope.dispose();
        }
        scope = new Scope();
        connection.ok();
        const path = (location.hash || '#/').slice(1) || '/';
        const route = routes.find((r) => r.pattern.test(path));
        document.querySelectorAll('[data-nav]').forEach((link) => {
            link.classList.toggle('active', !!route && link.dataset.nav === route.nav);
        });
        replace(root);
        root.scrollTop = 0;
        window.scrollTo(0, 0);
        const ctx = {
            root, scope, session,
            title: (text) => {
                document.title = text ? `${text} · Drove` : 'Drove';
            },
        };
        if (!route) {
            ctx.title('Not found');
            replace(root, h('div', {class: 'empty-page'}, h('h1', {}, 'Nothing here'),
                h('p', {}, 'The console has no page at ', h('code', {}, path), '. ',
                    h('a', {href: '#/'}, 'Back to the cluster'))));
            return;
        }
        const params = path.match(route.pattern).slice(1).map(decodeURIComponent);
        route.page(ctx, ...params);
    };

    window.addEventListener('hashchange', show);
    show();
}
