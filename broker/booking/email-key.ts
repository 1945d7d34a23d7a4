/**
 * The form of an e-mail address that the limits count by, so that one mailbox cannot pass as many:
 * case and surrounding spaces ignored, "+tag" sub-addresses folded, and Gmail's ignored dots removed.
 */
export function emailKey(email: string): string {
  const [local = '', domain = ''] = email
    .trim()
    .toLowerCase()
    .split(/@(?=[^@]*$)/);
  let box = local.replace(/\+.*$/, '');
  const host = domain === 'googlemail.com' ? 'gmail.com' : domain;
  if (host === 'gmail.com') box = box.replaceAll('.', '');
  return `${box}@${host}`;
}
