/**
 * errors — the words of a failed switch-on, from its code and figures, in any UI language: the background answers the
 * automation message with them, and the popup and side panel word the same failure in their own language (a
 * failure recorded by the background in one language never reaches a page in another).
 */
import { headlineOf, type UiLang } from '../engine';
import type { ErrorCode, ProblemInfo } from '../messaging';
import { t } from './i18n';
import { RESTRICTED_MESSAGE } from './restricted';

const KEYS: Record<ErrorCode, string> = {
  'bad-request': 'err_badRequest',
  'no-access': 'err_noAccess',
  'no-text': 'err_noText',
  'no-selection': 'err_noSelection',
  'no-tab': 'err_noTab',
  'page-changed': 'err_pageChanged',
  'unsupported-language': 'status_unsupportedLanguage',
  engine: 'err_engine',
};

export function errorWords(code: ErrorCode, info: ProblemInfo = {}, ui: UiLang): string {
  if (code !== 'engine') {
    if (info.restricted) return t(RESTRICTED_MESSAGE[info.restricted], undefined, ui);
    if (info.head) return headlineOf(info.head, ui);
    if (info.message) return info.message;
  }
  return t(KEYS[code], info.message ?? '', ui);
}
