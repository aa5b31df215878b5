export { expectNoAxeViolations, formatViolations, runAxe, wcagTags } from './axe.ts';
export { chromiumArgs, fakeMediaArgs, launchBrowser } from './browser.ts';
export { buildWebApp } from './build-web-app.ts';
export { contentTypes, type StaticServer, serveDirectory } from './static-server.ts';
