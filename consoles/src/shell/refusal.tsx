// A refused command or an unavailable action, as a person reads it: the plain-language message
// from the catalogue (translated), the stable code only as a detail.
import type { CommandAck } from '@rostrum/client';
import { useI18n } from '../i18n/i18n-context';

export type Refused = { code: string } | null;

/** The refusal of an ack, or null when it was accepted. */
export const refusalOf = (ack: CommandAck): Refused => (ack.ok ? null : { code: ack.error.code });

/** The message with its code as a detail (`<small class="code">`), for alerts and hints. */
export function RefusalText({ code }: { code: string }) {
  const { error, t } = useI18n();
  return <>{error(code)} <small class="code">{t('error.detail', { code })}</small></>;
}
