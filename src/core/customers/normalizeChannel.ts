import type { SupportChannel } from './CustomerTable';

/**
 * Maps the many ways support tools name a channel (English, German, Dutch) to SegmentKit's five.
 * Unknown names return null and are counted by the caller, never guessed.
 */
export function normalizeChannel(raw: string): SupportChannel | null {
  const key = raw.trim().toLowerCase().replace(/[\s_-]+/g, '');
  if (/^(phone|telephone|tel|telefon|telefoon|call|anruf|hotline|voice)$/.test(key)) return 'phone';
  if (/^(email|mail|emails|ticket|webform|contactform|kontaktformular)$/.test(key)) return 'email';
  if (/^(chat|livechat|messenger|whatsapp|sms)$/.test(key)) return 'chat';
  if (/^(social|socialmedia|twitter|x|facebook|instagram|linkedin|sociale?media)$/.test(key)) return 'social';
  if (/^(selfservice|selfserve|faq|portal|helpcenter|helpcentre|knowledgebase|kb|community|forum|bot|chatbot)$/.test(key)) return 'self_service';
  return null;
}
