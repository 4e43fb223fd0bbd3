/**
 * Ribbon command handlers. Under the shared runtime Excel runs them inside taskpane.html (the
 * manifest's FunctionFile), so they share state with the task pane and custom functions.
 */

/** Where the help page sits relative to the page that hosts the commands. */
export const HELP_PAGE = 'assets/support.html';

/**
 * "SegmentKit help" button: opens the bundled help page in the user's browser.
 *
 * @example
 * Office.actions.associate('openHelp', openHelp);
 */
export function openHelp(event: Office.AddinCommands.Event): void {
  Office.context.ui.openBrowserWindow(new URL(HELP_PAGE, window.location.href).href);
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate('openHelp', openHelp);
});
