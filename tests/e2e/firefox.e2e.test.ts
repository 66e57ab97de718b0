import { describeExtensionIn } from './support/extension-suite';

describeExtensionIn('firefox');
