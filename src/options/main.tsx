import { render } from 'preact';
import { t } from '../shared/i18n';
import { OptionsApp } from './options-app';

document.title = t('options_page_title');

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
