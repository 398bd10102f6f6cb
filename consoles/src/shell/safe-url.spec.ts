import { httpUrl } from './safe-url';

describe('httpUrl: URLs from users or query strings are link targets only when http(s)', () => {
  it.each([
    'javascript:alert(document.domain)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)', 'file:///etc/passwd', '//evil.example/x', '/relative', 'not a url', '', null, undefined,
  ])('refuses %p', (raw) => expect(httpUrl(raw)).toBeNull());

  it.each([
    ['https://webtv.un.org/en/asset/k1x', 'https://webtv.un.org/en/asset/k1x'],
    ['http://127.0.0.1:8080/live', 'http://127.0.0.1:8080/live'],
  ])('keeps %p', (raw, out) => expect(httpUrl(raw)).toBe(out));
});
