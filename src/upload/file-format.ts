/** What the bytes were read as (parsed.format), as a media type for a download. */
const CONTENT_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  // A legacy .doc and an .xls converted by LibreOffice are both read as 'doc'.
  doc: 'application/octet-stream',
  // A page keeps the encoding it was uploaded in (GBK or UTF-8), which its own <meta> says.
  html: 'text/html',
};

export function contentTypeOf(format: string): string {
  // Text formats keep the encoding they were uploaded in (GBK or UTF-8): say no charset rather than a wrong one.
  return CONTENT_TYPES[format] ?? 'text/plain';
}

/**
 * Headers of a download: an attachment under the uploaded name (RFC 6266: an ASCII fallback and
 * the UTF-8 name), never sniffed or rendered here, never cached by intermediaries.
 */
export function downloadHeaders(filename: string): Record<string, string> {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return {
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
    'cache-control': 'private, no-store',
  };
}
