import type { App } from '@slack/bolt';
import type { SlackDeps } from '../context.js';
import { registerButtons } from './actions/button.js';
import { registerWebexCode } from './commands/webex-code.js';
import { registerAppMention } from './events/app-mention.js';
import { registerChannelMessage } from './messages/channel-message.js';
import { type FileAccess, registerDiagnoseMessage } from './shortcuts/diagnose-message.js';
import { registerFormSubmission } from './views/form-submission.js';

/** Every Slack listener, registered in one place (one listener per file). */
export function registerListeners(app: App, deps: SlackDeps, files: FileAccess): void {
  registerWebexCode(app, deps);
  registerAppMention(app, deps);
  registerChannelMessage(app, deps);
  registerButtons(app, deps);
  registerDiagnoseMessage(app, deps, files);
  registerFormSubmission(app, deps);
}
