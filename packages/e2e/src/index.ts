export { expectNoAxeViolations, formatViolations, runAxe, wcagTags } from './axe.ts';
export { chromiumArgs, launchBrowser } from './browser.ts';
