import { describeExtensionIn } from './support/extension-suite';

describeExtensionIn('chromium');
