// The console's entry point: who is logged in, the header, and the pages by hash route.

import {startHeader} from './header.js';
import {startRouter} from './router.js';
import {loadSession} from './session.js';
import {homePage} from './pages/home.js';
import {appPage} from './pages/app.js';
import {appInstancePage, serviceInstancePage} from './pages/instance.js';
import {taskPage} from './pages/task.js';
import {executorPage} from './pages/executor.js';
import {eventsPage} from './pages/events.js';
import {localServicePage} from './pages/localservice.js';

const ID = '([^/]+)';

const ROUTES = [
    {pattern: /^\/$/, nav: 'home', page: homePage},
    {pattern: new RegExp(`^/apps/${ID}$`), nav: 'home', page: appPage},
    {pattern: new RegExp(`^/apps/${ID}/instances/${ID}$`), nav: 'home', page: appInstancePage},
    {pattern: new RegExp(`^/tasks/${ID}/${ID}$`), nav: 'home', page: taskPage},
    {pattern: new RegExp(`^/executors/${ID}$`), nav: 'home', page: executorPage},
    {pattern: /^\/events$/, nav: 'events', page: eventsPage},
    {pattern: new RegExp(`^/localservices/${ID}$`), nav: 'home', page: localServicePage},
    {pattern: new RegExp(`^/localservices/${ID}/instances/${ID}$`), nav: 'home', page: serviceInstancePage},
];

const session = await loadSession();
document.body.dataset.role = session.roleName;
document.body.dataset.canWrite = String(session.canWrite);
startHeader(session);
startRouter(ROUTES, session);
