import { render } from 'preact';
import { t } from '../shared/i18n';
import { PopupApp } from './popup-app';

document.title = t('extensionName');

const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
